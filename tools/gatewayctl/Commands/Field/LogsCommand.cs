using System.Globalization;
using Renci.SshNet.Common;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary><c>gatewayctl logs</c>: the end of the newest Serilog file on the device, optionally followed (<c>tail -F</c> over SSH).</summary>
/// <param name="output">Where log lines are printed.</param>
/// <param name="console">Where errors go.</param>
public sealed class LogsCommand(CommandOutput output, CommandConsole console) : AsyncCommand<LogsSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, LogsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            using var session = await DeviceSession.ConnectAsync(settings.Target(settings.Host!, settings.Port), cancellationToken);

            // Serilog rolls to gateway-YYYYMMDD.log (and _NNN); the newest by mtime is the live one.
            var newest = (await session.RunCheckedAsync($"ls -1t {settings.Path} 2>/dev/null | head -n 1", "check --path", cancellationToken)).Trim();
            if (newest.Length == 0)
            {
                throw new FieldException($"{session.Target.Display}: no log files match {settings.Path}", "check --path, or whether the gateway has started (see 'gatewayctl status')");
            }

            var lines = settings.Lines.ToString(CultureInfo.InvariantCulture);
            if (!settings.Follow)
            {
                output.Writer.Write(await session.RunCheckedAsync($"tail -n {lines} '{newest}'", "check read permission on the log folder", cancellationToken));
                return FieldExitCodes.Ok;
            }

            // -F follows by name, so a roll-over to a new file name is picked up by the glob on the next run only;
            // within one file it survives truncation.
            await StreamAsync(session, $"tail -n {lines} -F '{newest}'", cancellationToken);
            return FieldExitCodes.Ok;
        }
        catch (FieldException e)
        {
            console.Error(e.Message, e.Hint);
            return e.ExitCode;
        }
    }

    private async Task StreamAsync(DeviceSession session, string command, CancellationToken cancellationToken)
    {
        using var tail = session.CreateCommand(command);
        var running = tail.ExecuteAsync(cancellationToken);
        using var reader = new StreamReader(tail.OutputStream);
        try
        {
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                output.Writer.WriteLine(line);
                output.Writer.Flush();
            }

            await running;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            tail.CancelAsync();
        }
        catch (SshException e)
        {
            throw new FieldException($"{session.Target.Display}: log stream ended: {e.Message}", "check the network and run 'gatewayctl logs --follow' again", FieldExitCodes.Unreachable);
        }
    }
}
