using System.Text.Json;
using System.Threading.Channels;

namespace Gateway.Host.IntegrationTests;

/// <summary>Reads the gateway's Server-Sent Events stream the way a browser's EventSource would.</summary>
internal sealed class SseClient : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseMessage> _messages = Channel.CreateUnbounded<SseMessage>();
    private readonly Task _pump;
    private readonly HttpResponseMessage _response;

    private SseClient(HttpResponseMessage response, Stream stream)
    {
        _response = response;
        _pump = PumpAsync(stream);
    }

    public string ContentType => _response.Content.Headers.ContentType?.MediaType ?? string.Empty;

    public static async Task<SseClient> ConnectAsync(HttpClient http, string path = "/api/events")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync();
        return new SseClient(response, stream);
    }

    /// <summary>Waits for the next message of <paramref name="type"/> (optionally for one station), skipping others.</summary>
    public async Task<SseMessage> WaitForAsync(string type, string? station = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        var skipped = new List<string>();
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(cts.Token);
                if (message.Type == type && (station is null || message.Station == station))
                {
                    return message;
                }

                skipped.Add($"{message.Type}@{message.Station}{Detail(message)}");
            }
        }
        catch (OperationCanceledException)
        {
            // What did arrive says where the flow stopped (no card.inserted: pcscd never saw the card).
            throw new TimeoutException($"no '{type}' event{(station is null ? string.Empty : $" for {station}")} arrived; "
                + $"seen instead: [{string.Join(", ", skipped)}]");
        }
    }

    /// <summary>Reads every message up to and including the next <paramref name="type"/> for <paramref name="station"/>.</summary>
    public async Task<IReadOnlyList<SseMessage>> ReadUntilAsync(string type, string station, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var seen = new List<SseMessage>();
        try
        {
            while (true)
            {
                var message = await _messages.Reader.ReadAsync(cts.Token);
                seen.Add(message);
                if (message.Type == type && message.Station == station)
                {
                    return seen;
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no '{type}' event for {station} arrived; saw {string.Join(", ", seen.Select(m => m.Type))}");
        }
    }

    // A failure's status and reason say more than its name when a wait times out.
    private static string Detail(SseMessage message) =>
        message.Type.EndsWith(".failed", StringComparison.Ordinal) && message.Json.TryGetProperty("data", out var data) ? " " + data.GetRawText() : string.Empty;

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _response.Dispose();
        try
        {
            await _pump;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // Closing the stream ends the pump.
        }

        _stop.Dispose();
    }

    private async Task PumpAsync(Stream stream)
    {
        using var reader = new StreamReader(stream);
        string? eventType = null;
        string? data = null;
        while (!_stop.IsCancellationRequested)
        {
            var line = await reader.ReadLineAsync(_stop.Token);
            if (line is null)
            {
                break;
            }

            if (line.Length == 0)
            {
                if (eventType is not null && data is not null)
                {
                    using var doc = JsonDocument.Parse(data);
                    var root = doc.RootElement.Clone();
                    var station = root.TryGetProperty("station", out var s) ? s.GetString() : null;
                    await _messages.Writer.WriteAsync(new SseMessage(eventType, station, root, TimeProvider.System.GetTimestamp()));
                }

                eventType = null;
                data = null;
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventType = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
        }

        _messages.Writer.TryComplete();
    }
}

/// <summary>One SSE message; <paramref name="ReceivedAt"/> is the <see cref="TimeProvider.System"/> timestamp of its arrival here.</summary>
internal sealed record SseMessage(string Type, string? Station, JsonElement Json, long ReceivedAt);
