using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Gateway.Ctl.Commands.Field;

/// <summary><c>gatewayctl status</c>: <c>GET /api/status</c> as a table, or the JSON itself.</summary>
/// <param name="output">Where results are printed.</param>
/// <param name="console">Where errors go.</param>
public sealed class StatusCommand(CommandOutput output, CommandConsole console) : AsyncCommand<ApiSettings>
{
    /// <inheritdoc/>
    public override async Task<int> ExecuteAsync(CommandContext context, ApiSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        string body;
        try
        {
            using var api = await ApiConnection.OpenAsync(settings, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            using var response = await api.Http.GetAsync(new Uri("/api/status", UriKind.Relative), timeout.Token);
            body = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                throw new FieldException($"GET /api/status answered {(int)response.StatusCode}", "see 'gatewayctl logs'");
            }
        }
        catch (FieldException e)
        {
            console.Error(e.Message, e.Hint);
            return e.ExitCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            console.Error($"gateway API at {ApiConnection.Describe(settings)} does not answer: {e.Message}",
                "is the gateway running? check 'systemctl status gateway' on the device and --api-port/--url");
            return FieldExitCodes.Unreachable;
        }

        JsonElement status;
        try
        {
            status = JsonDocument.Parse(body).RootElement;
        }
        catch (JsonException e)
        {
            console.Error($"GET /api/status returned no JSON: {e.Message}", "is --url/--api-port really the gateway API?");
            return FieldExitCodes.Failed;
        }

        if (settings.Json)
        {
            output.Writer.WriteLine(JsonSerializer.Serialize(status));
            return FieldExitCodes.Ok;
        }

        Render(status);
        return FieldExitCodes.Ok;
    }

    private void Render(JsonElement status)
    {
        var writer = ResultConsole.For(output);
        var device = new Table().HideHeaders().AddColumns("Field", "Value");
        foreach (var name in new[] { "deviceId", "board", "boardDescription", "simulated", "version", "startedAt", "uptimeSeconds" })
        {
            device.AddRow(name, Markup.Escape(Text(status, name)));
        }

        writer.Write(device);
        var stations = new Table().AddColumns("Station", "Name", "Hook", "Ringing", "Digits", "Display", "LED", "Readers", "Accounts");
        if (status.TryGetProperty("stations", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var s in list.EnumerateArray())
            {
                stations.AddRow(
                    Markup.Escape(Text(s, "id")), Markup.Escape(Text(s, "name")),
                    Text(s, "offHook") == "true" ? "off-hook" : "on-hook",
                    Text(s, "ringing") == "true" ? Markup.Escape($"yes ({Text(s, "cadence")})") : "no",
                    Markup.Escape(Text(s, "digits")), Markup.Escape(Text(s, "display")), Markup.Escape(Text(s, "led")),
                    Markup.Escape(s.TryGetProperty("readers", out var r) && r.ValueKind == JsonValueKind.Array ? r.GetArrayLength().ToString(CultureInfo.InvariantCulture) : "-"),
                    Markup.Escape(Accounts(s)));
            }
        }

        writer.Write(stations);
    }

    /// <summary>Each card account as "user number (registration state, seconds left)"; "-" without any.</summary>
    private static string Accounts(JsonElement station)
    {
        if (!station.TryGetProperty("accounts", out var accounts) || accounts.ValueKind != JsonValueKind.Array || accounts.GetArrayLength() == 0)
        {
            return "-";
        }

        return string.Join(" | ", accounts.EnumerateArray().Select(a =>
        {
            var registration = a.TryGetProperty("registration", out var reg) && reg.ValueKind == JsonValueKind.Object
                ? Text(reg, "state") + (reg.TryGetProperty("expiresInSeconds", out var left) ? $", {left}s" : string.Empty)
                    + (reg.TryGetProperty("statusCode", out var code) && Text(reg, "state") == "failed" ? $", {code}" : string.Empty)
                : "unregistered";
            return $"{Text(a, "user")} {Text(a, "number")} ({registration})";
        }));
    }

    private static string Text(JsonElement element, string name) =>
        !element.TryGetProperty(name, out var value) ? "-" : value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "-",
            JsonValueKind.Null => "-",
            JsonValueKind.Array => string.Join(" | ", value.EnumerateArray().Select(v => v.ToString())),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => value.ToString(),
        };
}
