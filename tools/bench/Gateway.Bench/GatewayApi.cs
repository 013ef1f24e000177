using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Gateway.Bench;

/// <summary>
/// The gateway as the tour reaches it: only its public management API. Every SSE event is kept in arrival order, so
/// a wait never misses an event that came before it started waiting.
/// </summary>
internal sealed class GatewayApi : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly List<GatewayEvent> _events = [];
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;
    private int _cursor;

    public GatewayApi(int port)
    {
        _http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = Timeout.InfiniteTimeSpan };
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>Opens the SSE stream; with <paramref name="replay"/> the gateway first resends that many recent events.</summary>
    public async Task ConnectEventsAsync(CancellationToken ct, int replay = 0)
    {
        var response = await _http.GetAsync(replay > 0 ? $"/api/events?replay={replay}" : "/api/events", HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        var stream = await response.Content.ReadAsStreamAsync(ct);
        _pump = PumpAsync(stream, _stop.Token);
    }

    public async Task<JsonElement> GetStatusAsync(CancellationToken ct) =>
        await _http.GetFromJsonAsync<JsonElement>("/api/status", ct);

    public Task InsertCardAsync(int reader, string cardFile, CancellationToken ct) =>
        PostAsync($"/api/bench/readers/{reader}/card", JsonSerializer.Serialize(new Dictionary<string, string> { ["cardFile"] = cardFile }), ct);

    public async Task RemoveCardAsync(int reader, CancellationToken ct)
    {
        using var response = await _http.DeleteAsync($"/api/bench/readers/{reader}/card", ct);
        await EnsureAsync(response, ct);
    }

    public Task SetHookAsync(string station, bool offHook, CancellationToken ct) =>
        PostAsync($"/api/bench/stations/{station}/hook", offHook ? "{\"offHook\":true}" : "{\"offHook\":false}", ct);

    public Task PressKeysAsync(string station, string keys, CancellationToken ct) =>
        PostAsync($"/api/bench/stations/{station}/keys", JsonSerializer.Serialize(new Dictionary<string, string> { ["keys"] = keys }), ct);

    /// <summary>Waits for the next event (after those already consumed) that matches; skipped events stay consumed.</summary>
    public async Task<GatewayEvent> WaitForAsync(string type, Func<GatewayEvent, bool>? match, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            lock (_gate)
            {
                while (_cursor < _events.Count)
                {
                    var candidate = _events[_cursor++];
                    if (candidate.Type == type && (match is null || match(candidate)))
                    {
                        return candidate;
                    }
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"no '{type}' event within {timeout.TotalSeconds:F0} s; last events:\n  " + string.Join("\n  ", Recent(12)));
            }

            if (_pump.IsCompleted)
            {
                throw new InvalidOperationException("the gateway's event stream ended (did the gateway stop?)");
            }

            await Task.Delay(10, ct);
        }
    }

    /// <summary>Marks every event so far as consumed (the next wait only sees new ones).</summary>
    public void SkipPast()
    {
        lock (_gate)
        {
            _cursor = _events.Count;
        }
    }

    /// <summary>Gets a mark for <see cref="Since"/>: the number of events received so far.</summary>
    public int Mark()
    {
        lock (_gate)
        {
            return _events.Count;
        }
    }

    /// <summary>Every event received after <paramref name="mark"/>, whether or not a wait consumed it.</summary>
    public IReadOnlyList<GatewayEvent> Since(int mark)
    {
        lock (_gate)
        {
            return _events.Skip(mark).ToList();
        }
    }

    public IReadOnlyList<GatewayEvent> Recent(int count)
    {
        lock (_gate)
        {
            return _events.TakeLast(count).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _pump;
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException)
        {
            // The stream ends with the tour.
        }

        _http.Dispose();
        _stop.Dispose();
    }

    private async Task PostAsync(string path, string json, CancellationToken ct)
    {
        using var response = await _http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), ct);
        await EnsureAsync(response, ct);
    }

    private static async Task EnsureAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(ct);
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered {(int)response.StatusCode}: {body}");
        }
    }

    private async Task PumpAsync(Stream stream, CancellationToken ct)
    {
        using var reader = new StreamReader(stream);
        string? data = null;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                data = line[6..];
            }
            else if (line.Length == 0 && data is not null)
            {
                using var document = JsonDocument.Parse(data);
                var root = document.RootElement;
                var gatewayEvent = new GatewayEvent(
                    root.GetProperty("type").GetString() ?? string.Empty,
                    root.TryGetProperty("station", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null,
                    root.TryGetProperty("ts", out var ts) && ts.ValueKind == JsonValueKind.Number ? ts.GetInt64() : 0,
                    root.TryGetProperty("data", out var d) ? d.Clone() : default);
                lock (_gate)
                {
                    _events.Add(gatewayEvent);
                }

                data = null;
            }
        }
    }
}
