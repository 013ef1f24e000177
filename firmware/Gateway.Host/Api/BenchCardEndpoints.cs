using System.Net.Sockets;
using Gateway.Host.Cards;

namespace Gateway.Host.Api;

/// <summary>
/// The bench card routes: a simulated hand putting a virtual card into a virtual reader, and pulling it out.
/// Like the other bench routes they answer on every board, with a 404 problem on a real one.
/// </summary>
/// <remarks>
/// <c>{id}</c> is the reader's index in the board file (all stations' readers in order, from 0) or its full PC/SC
/// name, URL-encoded (<c>Virtual%20PCD%2000%2000</c>).
/// </remarks>
public static class BenchCardEndpoints
{
    /// <summary>Maps the routes.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="readers">The bench card slots.</param>
    public static void Map(IEndpointRouteBuilder routes, BenchCardReaders readers)
    {
        ArgumentNullException.ThrowIfNull(readers);
        var group = routes.MapGroup("/api/bench/readers/{id}");
        group.MapPost("/card", (string id, HttpRequest request) => InsertAsync(readers, id, request));
        group.MapDelete("/card", (string id) => RemoveAsync(readers, id));
    }

    private static async Task<IResult> InsertAsync(BenchCardReaders readers, string id, HttpRequest request)
    {
        if (Resolve(readers, id, out var reader) is { } problem)
        {
            return problem;
        }

        var (body, bodyProblem) = await Problems.ReadJsonAsync(request, ApiJsonContext.Default.CardRequest);
        if (bodyProblem is not null)
        {
            return bodyProblem;
        }

        if (string.IsNullOrWhiteSpace(body?.CardFile))
        {
            return Problems.Create(400, "Missing field", "'cardFile' (path of a virtual card file) is required");
        }

        var path = Path.GetFullPath(body.CardFile);
        if (!File.Exists(path))
        {
            return Problems.Create(400, "Card file not found", $"no file '{path}'");
        }

        VirtualCard.VirtualCard card;
        try
        {
            card = await VirtualCard.VirtualCard.LoadAsync(path, request.HttpContext.RequestAborted);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Whatever the loader trips over (bad JSON, bad hex, a field it cannot do without), the file is at fault.
            return Problems.Create(400, "Invalid card file", $"'{path}' is not a usable virtual card file: {ex.Message}");
        }

        try
        {
            if (!await readers.InsertAsync(reader, card, request.HttpContext.RequestAborted))
            {
                return Problems.Create(409, "Card already inserted", $"reader '{reader}' already holds a card; DELETE it first");
            }
        }
        catch (SocketException ex)
        {
            return Problems.Create(503, "Reader unavailable", $"vpcd reader '{reader}' is not listening ({ex.SocketErrorCode}); is pcscd running with the vpcd driver?");
        }

        return Results.Json(new BenchCardResult(reader, readers.StationOf(reader), "card inserted"), ApiJsonContext.Default.BenchCardResult);
    }

    private static async Task<IResult> RemoveAsync(BenchCardReaders readers, string id)
    {
        if (Resolve(readers, id, out var reader) is { } problem)
        {
            return problem;
        }

        if (!await readers.RemoveAsync(reader))
        {
            return Problems.Create(409, "No card", $"reader '{reader}' holds no bench card");
        }

        return Results.Json(new BenchCardResult(reader, readers.StationOf(reader), "card removed"), ApiJsonContext.Default.BenchCardResult);
    }

    private static IResult? Resolve(BenchCardReaders readers, string id, out string reader)
    {
        reader = string.Empty;
        if (!readers.IsSimulated)
        {
            return Problems.Create(404, "Not a bench board", "this board drives real hardware; bench routes exist only on a simulated board");
        }

        var known = string.Join(", ", readers.Readers.Select((r, i) => $"{i} = '{r}'"));
        if (readers.Resolve(id) is not { } found || BenchCardReaders.VpcdPort(found) is null)
        {
            return Problems.Create(404, "Unknown reader", $"no virtual reader '{id}' on this board (readers: {known})");
        }

        reader = found;
        return null;
    }
}
