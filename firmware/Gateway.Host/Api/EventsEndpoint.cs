using System.Text;
using System.Text.Json;
using Gateway.Host.Board;
using Gateway.Telephony.Events;

namespace Gateway.Host.Api;

/// <summary>
/// <c>GET /api/events</c>: a Server-Sent Events stream of every state change.
/// </summary>
/// <remarks>
/// Each message is <c>event: TYPE</c> plus one <c>data:</c> line of JSON
/// (<c>{"type","station","ts","data"}</c>). <c>?replay=N</c> first sends up to N recent events.
/// A comment line every 15 s keeps idle connections alive through proxies.
/// </remarks>
public static class EventsEndpoint
{
    private static readonly TimeSpan s_keepAlive = TimeSpan.FromSeconds(15);

    /// <summary>Maps the route.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="runtime">The running gateway.</param>
    public static void Map(IEndpointRouteBuilder routes, GatewayRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        routes.MapGet("/api/events", (HttpContext context, int? replay) => StreamAsync(context, runtime, replay ?? 0));
    }

    private static async Task StreamAsync(HttpContext context, GatewayRuntime runtime, int replay)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var ct = context.RequestAborted;

        // Subscribe before replaying so nothing falls between the two.
        using var subscription = runtime.Events.Subscribe();
        await response.WriteAsync(": gateway event stream\n\n", ct);
        if (replay > 0)
        {
            foreach (var past in runtime.Events.Recent.TakeLast(Math.Min(replay, 1000)))
            {
                await WriteEventAsync(response, past, ct);
            }
        }

        await response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(ct);
                wait.CancelAfter(s_keepAlive);
                bool more;
                try
                {
                    more = await subscription.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!ct.IsCancellationRequested)
                {
                    await response.WriteAsync(": keep-alive\n\n", ct);
                    await response.Body.FlushAsync(ct);
                    continue;
                }

                if (!more)
                {
                    break;
                }

                while (subscription.Reader.TryRead(out var gatewayEvent))
                {
                    await WriteEventAsync(response, gatewayEvent, ct);
                }

                await response.Body.FlushAsync(ct);
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; nothing to report.
        }
    }

    /// <summary>Formats one event as an SSE message.</summary>
    /// <param name="gatewayEvent">The event.</param>
    /// <returns>The message, ending with the blank line.</returns>
    public static string Format(GatewayEvent gatewayEvent)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        var envelope = new EventEnvelope(gatewayEvent.Type, gatewayEvent.StationId, gatewayEvent.TimestampMs, gatewayEvent.Data);
        var json = JsonSerializer.Serialize(envelope, ApiJsonContext.Default.EventEnvelope);
        var builder = new StringBuilder(json.Length + gatewayEvent.Type.Length + 16);
        builder.Append("event: ").Append(gatewayEvent.Type).Append('\n');
        builder.Append("data: ").Append(json).Append("\n\n");
        return builder.ToString();
    }

    private static Task WriteEventAsync(HttpResponse response, GatewayEvent gatewayEvent, CancellationToken ct) =>
        response.WriteAsync(Format(gatewayEvent), ct);
}
