using Gateway.Host.Board;

namespace Gateway.Host.Api;

/// <summary><c>GET /api/status</c>: the device and each station's state.</summary>
public static class StatusEndpoints
{
    /// <summary>Maps the route.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="runtime">The running gateway.</param>
    public static void Map(IEndpointRouteBuilder routes, GatewayRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        routes.MapGet("/api/status", () => Results.Json(BuildStatus(runtime), ApiJsonContext.Default.StatusResponse));
    }

    /// <summary>Builds the status body.</summary>
    /// <param name="runtime">The running gateway.</param>
    /// <returns>The status.</returns>
    public static StatusResponse BuildStatus(GatewayRuntime runtime)
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
            [.. runtime.Board.Stations.Select(s => s.Snapshot())],
            runtime.Cards.Current);
    }
}
