using Gateway.Host.Board;

namespace Gateway.Host.Api;

/// <summary>
/// The bench routes: a simulated hand on the simulated handset. They exist on every board so that
/// a real board answers them with a clear 404 problem rather than a bare one.
/// </summary>
public static class BenchEndpoints
{
    /// <summary>Keys the bench keypad accepts.</summary>
    public const string ValidKeys = "0123456789*#ABCD";

    /// <summary>The longest key sequence one request may press.</summary>
    public const int MaxKeys = 64;

    private static readonly System.Buffers.SearchValues<char> s_validKeys = System.Buffers.SearchValues.Create(ValidKeys);

    /// <summary>Maps the routes.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="runtime">The running gateway.</param>
    public static void Map(IEndpointRouteBuilder routes, GatewayRuntime runtime)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        var bench = routes.MapGroup("/api/bench/stations/{id}");
        bench.MapPost("/hook", (string id, HttpRequest request) => HookAsync(runtime, id, request));
        bench.MapPost("/keys", (string id, HttpRequest request) => KeysAsync(runtime, id, request));
        bench.MapPost("/flash", (string id, HttpRequest request) => FlashAsync(runtime, id, request));
    }

    private static async Task<IResult> HookAsync(GatewayRuntime runtime, string id, HttpRequest request)
    {
        if (Resolve(runtime, id, out var control) is { } problem)
        {
            return problem;
        }

        var (body, bodyProblem) = await Problems.ReadJsonAsync(request, ApiJsonContext.Default.HookRequest);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (body?.OffHook is not { } offHook)
        {
            return Problems.Create(400, "Missing field", "'offHook' (true or false) is required");
        }

        control.SetOffHook(offHook);
        return Results.Json(new BenchResult(id, offHook ? "off-hook" : "on-hook"), ApiJsonContext.Default.BenchResult);
    }

    private static async Task<IResult> KeysAsync(GatewayRuntime runtime, string id, HttpRequest request)
    {
        if (Resolve(runtime, id, out var control) is { } problem)
        {
            return problem;
        }

        if (!control.HasKeypad)
        {
            return Problems.Create(409, "No keypad", $"station '{id}' has no keypad; its digits come from DTMF or pulse dialling");
        }

        var (body, bodyProblem) = await Problems.ReadJsonAsync(request, ApiJsonContext.Default.KeysRequest);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        var keys = body?.Keys;
        if (string.IsNullOrEmpty(keys))
        {
            return Problems.Create(400, "Missing field", "'keys' must be a non-empty string of 0-9 * # A-D");
        }

        if (keys.Length > MaxKeys)
        {
            return Problems.Create(400, "Too many keys", $"at most {MaxKeys} keys per request");
        }

        var bad = keys.AsSpan().IndexOfAnyExcept(s_validKeys);
        if (bad >= 0)
        {
            return Problems.Create(400, "Invalid key", $"'{keys[bad]}' at position {bad} is not a keypad key (0-9 * # A-D)");
        }

        var delay = body!.InterKeyDelayMs ?? 120;
        if (delay is < 40 or > 5000)
        {
            // Below the keypad debounce two presses would merge into one.
            return Problems.Create(400, "Invalid delay", "'interKeyDelayMs' must be between 40 and 5000");
        }

        await control.PressKeysAsync(keys, TimeSpan.FromMilliseconds(delay), request.HttpContext.RequestAborted);
        return Results.Json(new BenchResult(id, $"keys {keys}"), ApiJsonContext.Default.BenchResult);
    }

    private static async Task<IResult> FlashAsync(GatewayRuntime runtime, string id, HttpRequest request)
    {
        if (Resolve(runtime, id, out var control) is { } problem)
        {
            return problem;
        }

        var (body, bodyProblem) = await Problems.ReadJsonAsync(request, ApiJsonContext.Default.FlashRequest, allowEmpty: true, fallback: new FlashRequest(null));
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (!control.OffHook)
        {
            return Problems.Create(409, "Handset on-hook", "a hook flash needs the handset off-hook");
        }

        var duration = body?.DurationMs ?? 300;
        if (duration is < 10 or > 5000)
        {
            return Problems.Create(400, "Invalid duration", "'durationMs' must be between 10 and 5000");
        }

        await control.FlashAsync(TimeSpan.FromMilliseconds(duration), request.HttpContext.RequestAborted);
        return Results.Json(new BenchResult(id, "flash"), ApiJsonContext.Default.BenchResult);
    }

    private static IResult? Resolve(GatewayRuntime runtime, string id, out BenchStationControl control)
    {
        control = null!;
        if (!runtime.Board.IsSimulated)
        {
            return Problems.Create(404, "Not a bench board", $"board '{runtime.Board.Config.Board}' drives real hardware; bench routes exist only on a simulated board");
        }

        if (runtime.Board.FindBenchControl(id) is not { } found)
        {
            var known = string.Join(", ", runtime.Board.Stations.Select(s => s.Id));
            return Problems.Create(404, "Unknown station", $"no station '{id}' on this board (stations: {known})");
        }

        control = found;
        return null;
    }
}
