using System.Text.Json;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Sip;

/// <summary><c>gatewayctl sip lint FILE... [--json]</c>: checks that files hold valid SIP messages.</summary>
/// <param name="output">Where results are printed.</param>
public sealed class SipLintCommand(CommandOutput output) : Command<SipLintSettings>
{
    /// <summary>Exit code when every file is valid.</summary>
    public const int Valid = 0;

    /// <summary>Exit code when at least one file is invalid.</summary>
    public const int Invalid = 1;

    /// <inheritdoc/>
    public override int Execute(CommandContext context, SipLintSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var exitCode = Valid;
        foreach (var file in settings.Files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var report = SipLinter.Lint(file, File.ReadAllBytes(file));
            if (!report.Ok)
            {
                exitCode = Invalid;
            }

            output.Writer.WriteLine(settings.Json
                ? JsonSerializer.Serialize(report, SipLintJsonContext.Default.SipLintReport)
                : SipLinter.FormatText(report));
        }

        return exitCode;
    }
}
