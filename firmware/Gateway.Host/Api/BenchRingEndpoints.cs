using Gateway.Hardware;
using Gateway.Host.Board;

namespace Gateway.Host.Api;

/// <summary>
/// The bench ring routes: ring a station as an incoming call would, so the bell, its cadence and ring trip can be
/// watched on the bench (and on the status page) before the SIP side places real calls.
/// </summary>
public static class BenchRingEndpoints
{
    /// <summary>Maps the routes.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="runtime">The running gateway.</param>
    public static void Map(IEndpointRouteBuilder routes, GatewayRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var ring = routes.MapGroup("/api/bench/stations/{id}/ring");
        ring.MapPost(string.Empty, (string id, HttpRequest request) => RingAsync(runtime, id, request));
        ring.MapDelete(string.Empty, (string id) => StopRinging(runtime, id));
    }

    private static async Task<IResult> RingAsync(GatewayRuntime runtime, string id, HttpRequest request)
    {
        if (Resolve(runtime, id, out var station) is { } problem)
        {
            return problem;
        }

        var (body, bodyProblem) = await Problems.ReadJsonAsync(request, ApiJsonContext.Default.RingRequest, allowEmpty: true, fallback: new RingRequest(null));
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var config = runtime.Board.Config;
        var name = body?.Cadence ?? config.RingCadenceFor(config.Stations.First(s => s.Id == station.Id));
        if (!RingCadences.TryGet(name, out var cadence))
        {
            return Problems.Create(400, "Unknown cadence", $"no ring cadence '{name}' (cadences: {string.Join(", ", RingCadences.Names)})");
        }

        if (!station.Ring(cadence))
        {
            return Problems.Create(409, "Handset off-hook", $"station '{id}' is off-hook; a ringing bell needs the handset on-hook");
        }

        return Results.Json(new BenchResult(id, $"ring {cadence.Name}"), ApiJsonContext.Default.BenchResult);
    }

    private static IResult StopRinging(GatewayRuntime runtime, string id)
    {
        if (Resolve(runtime, id, out var station) is { } problem)
        {
            return problem;
        }

        station.StopRinging();
        return Results.Json(new BenchResult(id, "ring stopped"), ApiJsonContext.Default.BenchResult);
    }

    private static IResult? Resolve(GatewayRuntime runtime, string id, out Telephony.Stations.Station station)
    {
        station = null!;
        if (!runtime.Board.IsSimulated)
        {
            return Problems.Create(404, "Not a bench board", $"board '{runtime.Board.Config.Board}' drives real hardware; bench routes exist only on a simulated board");
        }

        if (runtime.Board.FindStation(id) is not { } found)
        {
            var known = string.Join(", ", runtime.Board.Stations.Select(s => s.Id));
            return Problems.Create(404, "Unknown station", $"no station '{id}' on this board (stations: {known})");
        }

        station = found;
        return null;
    }
}
