using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary><c>gatewayctl flash</c>: installs a gateway package on one device or on every device of a hosts file.</summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where progress, errors and hints go.</param>
public sealed class FlashCommand(CommandOutput output, CommandConsole console) : AsyncCommand<FlashSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, FlashSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        DebPackage package;
        IReadOnlyList<(string Host, int Port, string? Board)> hosts;
        try
        {
            package = await DebPackage.ReadAsync(settings.Package ?? NewestArtifact(), cancellationToken);
            hosts = settings.Hosts is null ? [(settings.Host!, settings.Port, settings.Board)] : HostsFile.Read(settings.Hosts, settings.Port, settings.Board);
        }
        catch (FieldException e)
        {
            console.Error(e.Message, e.Hint);
            return e.ExitCode;
        }

        var flasher = new DeviceFlasher(settings, console.Console);
        var results = new List<FlashResult>();
        foreach (var (host, port, board) in hosts)
        {
            var result = await flasher.FlashAsync(settings.Target(host, port), board!, package, cancellationToken);
            results.Add(result);
            if (result.Hint is not null)
            {
                console.Error(result.Message, result.Hint);
            }
        }

        if (settings.Json)
        {
            output.Writer.WriteLine(JsonSerializer.Serialize(results.ToArray(), FieldJsonContext.Default.FlashResultArray));
        }
        else if (settings.Hosts is null)
        {
            var r = results[0];
            output.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Host}: {r.Outcome} in {r.Seconds:F1} s: {r.Message}"));
        }
        else
        {
            WriteSummary(results);
        }

        return results.Max(r => r.ExitCode);
    }

    private static string NewestArtifact()
    {
        var newest = Directory.Exists("artifacts")
            ? new DirectoryInfo("artifacts").EnumerateFiles("gateway_*.deb").OrderByDescending(f => f.LastWriteTimeUtc).FirstOrDefault()
            : null;
        return newest?.FullName ?? throw new FieldException("no package given and none in artifacts/", "build one with 'gatewayctl package --rid ...' or give --package");
    }

    private void WriteSummary(List<FlashResult> results)
    {
        var table = new Table().AddColumns("Host", "Outcome", "Version", "Before", "Seconds", "Detail");
        foreach (var r in results)
        {
            var colour = r.ExitCode == FieldExitCodes.Ok ? "green" : r.ExitCode == FieldExitCodes.RolledBack ? "yellow" : "red";
            table.AddRow(Markup.Escape(r.Host), $"[{colour}]{r.Outcome}[/]", Markup.Escape(r.Version ?? "-"), Markup.Escape(r.Previous ?? "-"),
                r.Seconds.ToString("F1", CultureInfo.InvariantCulture), Markup.Escape(r.Message));
        }

        ResultConsole.For(output).Write(table);
    }
}
