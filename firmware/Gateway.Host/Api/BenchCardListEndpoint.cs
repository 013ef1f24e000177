using Gateway.Host.Board;

namespace Gateway.Host.Api;

/// <summary>
/// <c>GET /api/bench/cards</c>: the virtual card files in the configured card folder, for the status page's
/// card chooser. Only file names directly in that folder are listed; nothing outside it is ever named.
/// </summary>
public static class BenchCardListEndpoint
{
    /// <summary>The most files listed; a card folder is a handful of test cards.</summary>
    public const int MaxFiles = 200;

    /// <summary>Maps the route.</summary>
    /// <param name="routes">The route builder.</param>
    /// <param name="runtime">The running gateway.</param>
    /// <param name="cardDirectory">The card folder, absolute or relative to the working directory.</param>
    public static void Map(IEndpointRouteBuilder routes, GatewayRuntime runtime, string cardDirectory)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        routes.MapGet("/api/bench/cards", () => List(runtime, cardDirectory));
    }

    /// <summary>Lists the card files.</summary>
    /// <param name="runtime">The running gateway.</param>
    /// <param name="cardDirectory">The card folder.</param>
    /// <returns>The files by name, or a problem.</returns>
    public static IResult List(GatewayRuntime runtime, string cardDirectory)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        if (!runtime.Board.IsSimulated)
        {
            return Problems.Create(404, "Not a bench board", $"board '{runtime.Board.Config.Board}' drives real hardware; bench routes exist only on a simulated board");
        }

        var folder = Path.GetFullPath(cardDirectory);
        if (!Directory.Exists(folder))
        {
            return Problems.Create(404, "No card folder", $"the card folder '{folder}' does not exist (Gateway:Cards:BenchCardDirectory)");
        }

        // Symbolic links are skipped so the list never points outside the folder.
        var files = new DirectoryInfo(folder)
            .EnumerateFiles("*.json", SearchOption.TopDirectoryOnly)
            .Where(f => f.LinkTarget is null)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Take(MaxFiles)
            .Select(f => new BenchCardFile(f.Name, f.FullName))
            .ToList();
        return Results.Json(files, ApiJsonContext.Default.ListBenchCardFile);
    }
}
