using System.Net.Http.Json;
using System.Text.Json;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Polls <c>GET /api/status</c> on the device's loopback through an SSH port forward until the right board answers.</summary>
public static class HealthProbe
{
    /// <summary>Waits for the gateway to answer with <paramref name="board"/>.</summary>
    /// <param name="session">The SSH session.</param>
    /// <param name="apiPort">The API port on the device.</param>
    /// <param name="board">The expected board.</param>
    /// <param name="timeout">How long to wait.</param>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The running version, or null with the last problem when the time ran out.</returns>
    public static async Task<(string? Version, string Problem)> WaitAsync(
        DeviceSession session, int apiPort, string board, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var forward = session.Forward(apiPort);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{forward.BoundPort}"), Timeout = TimeSpan.FromSeconds(5) };
        var problem = "no answer";
        var deadline = DateTime.UtcNow + timeout;
        try
        {
            while (DateTime.UtcNow < deadline)
            {
                try
                {
                    var status = await http.GetFromJsonAsync<JsonElement>("/api/status", cancellationToken);
                    var running = status.GetProperty("board").GetString();
                    if (running == board)
                    {
                        return (status.GetProperty("version").GetString() ?? "?", string.Empty);
                    }

                    problem = $"the gateway runs board '{running}', not '{board}'";
                }
                catch (Exception e) when (e is HttpRequestException or JsonException or KeyNotFoundException or InvalidOperationException
                    || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    problem = $"GET /api/status on port {apiPort}: {e.Message}";
                }

                await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
            }

            return (null, problem);
        }
        finally
        {
            forward.Stop();
        }
    }
}
