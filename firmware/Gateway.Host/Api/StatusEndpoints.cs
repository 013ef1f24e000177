using Gateway.Host.Board;
using Gateway.Host.Sip;

namespace Gateway.Host.Api;

/// <summary><c>GET /api/status</c>: the device and each station's state.</summary>
public static class StatusEndpoints
{
    /// <summary>Maps the route.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="runtime">The running gateway.</param>
    /// <param name="sip">The SIP stack, for the accounts and registrations; null without one.</param>
    public static void Map(IEndpointRouteBuilder routes, GatewayRuntime runtime, GatewaySip? sip = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        routes.MapGet("/api/status", () => Results.Json(BuildStatus(runtime, sip), ApiJsonContext.Default.StatusResponse));
    }

    /// <summary>Builds the status body.</summary>
    /// <param name="runtime">The running gateway.</param>
    /// <param name="sip">The SIP stack; null without one.</param>
    /// <returns>The status.</returns>
    public static StatusResponse BuildStatus(GatewayRuntime runtime, GatewaySip? sip = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var now = runtime.TimeProvider.GetUtcNow();
        return new StatusResponse(
            runtime.DeviceId,
            runtime.Board.Config.Board,
            runtime.Board.Config.Description,
            runtime.Board.IsSimulated,
            runtime.Version,
            runtime.StartedAt,
            Math.Round((now - runtime.StartedAt).TotalSeconds, 3),
            [.. runtime.Board.Stations.Select(s => sip?.Accounts is { } accounts ? s.Snapshot() with { Accounts = accounts.Snapshot(s.Id) } : s.Snapshot())],
            runtime.Cards.Current,
            sip is null ? null : new SipStatus(sip.Problem is null, sip.ContactHostPort, sip.Problem),
            BuildRuntime(runtime.Diagnostics));
    }

    private static RuntimeStatus BuildRuntime(RuntimeDiagnostics diagnostics)
    {
        var gc = diagnostics.GcPauses;
        return new RuntimeStatus(
            gc?.Collections ?? GC.CollectionCount(0),
            Math.Round((gc?.TotalPause ?? GC.GetTotalPauseDuration()).TotalMilliseconds, 3),
            gc?.MaxPause is { } max ? Math.Round(max.TotalMilliseconds, 3) : null,
            diagnostics.MediaClockScheduling);
    }
}
