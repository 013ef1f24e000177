using System.Globalization;
using System.Text.Json;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary><c>gatewayctl events</c>: prints the SSE stream <c>GET /api/events</c>, one line per event.</summary>
/// <param name="output">Where events are printed.</param>
/// <param name="console">Where errors go.</param>
public sealed class EventsCommand(CommandOutput output, CommandConsole console) : AsyncCommand<EventsSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, EventsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            using var api = await ApiConnection.OpenAsync(settings, cancellationToken);
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"/api/events?replay={settings.Replay}", UriKind.Relative));
            using var response = await api.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new FieldException($"GET /api/events answered {(int)response.StatusCode}", "is this gateway version new enough to have /api/events?");
            }

            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            var seen = 0;
            while (await reader.ReadLineAsync(cancellationToken) is { } line)
            {
                // SSE: 'event: TYPE' then 'data: {json}'; comments (': keep-alive') and blank separators carry nothing.
                if (!line.StartsWith("data:", StringComparison.Ordinal))
                {
                    continue;
                }

                Print(line[5..].Trim(), settings.Json);
                if (++seen == settings.Count)
                {
                    break;
                }
            }

            return FieldExitCodes.Ok;
        }
        catch (FieldException e)
        {
            console.Error(e.Message, e.Hint);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return FieldExitCodes.Ok;
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            console.Error($"event stream from {ApiConnection.Describe(settings)} failed: {e.Message}",
                "is the gateway running? check 'systemctl status gateway' on the device and --api-port/--url");
            return FieldExitCodes.Unreachable;
        }
    }

    private void Print(string data, bool json)
    {
        if (json)
        {
            output.Writer.WriteLine(data);
            output.Writer.Flush();
            return;
        }

        try
        {
            var e = JsonDocument.Parse(data).RootElement;
            var ts = e.TryGetProperty("ts", out var t) && t.TryGetInt64(out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms).ToLocalTime().ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture) : "--:--:--";
            var type = e.TryGetProperty("type", out var ty) ? ty.GetString() : "?";
            var station = e.TryGetProperty("station", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString() : "-";
            var fields = e.TryGetProperty("data", out var d) && d.ValueKind == JsonValueKind.Object ? d.GetRawText() : string.Empty;
            output.Writer.WriteLine($"{ts}  {type,-20} {station,-12} {fields}");
        }
        catch (JsonException)
        {
            output.Writer.WriteLine(data);
        }

        output.Writer.Flush();
    }
}
