using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Sip;

/// <summary>Arguments of <c>gatewayctl sip lint</c>.</summary>
public sealed class SipLintSettings : CommandSettings
{
    /// <summary>The files to check, each holding one SIP message as it would arrive in a datagram.</summary>
    [CommandArgument(0, "<FILE>")]
    [Description("Files holding one SIP message each (raw bytes, CRLF line ends).")]
    public string[] Files { get; init; } = [];

    /// <summary>Print one JSON object per file instead of text.</summary>
    [CommandOption("--json")]
    [Description("Print one JSON object per line instead of text.")]
    public bool Json { get; init; }

    /// <inheritdoc/>
    public override ValidationResult Validate()
    {
        if (Files.Length == 0)
        {
            return ValidationResult.Error("at least one FILE is required");
        }

        var missing = Files.FirstOrDefault(f => !File.Exists(f));
        return missing is null ? ValidationResult.Success() : ValidationResult.Error($"file not found: {missing}");
    }
}
