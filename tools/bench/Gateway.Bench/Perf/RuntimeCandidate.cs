namespace Gateway.Bench.Perf;

/// <summary>
/// One runtime setting measured by case h: a name for the report and the <c>DOTNET_*</c> environment variables it sets
/// on the measured processes (the media stations child and the gateway), on top of the gateway's shipped
/// runtimeconfig.json. The baseline sets nothing.
/// </summary>
/// <param name="Name">The report's subject, e.g. <c>DOTNET_TieredPGO=0</c>.</param>
/// <param name="Environment">The variables to set (empty for the baseline).</param>
public sealed record RuntimeCandidate(string Name, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>Gets the gateway as shipped (its runtimeconfig.json, no variable set).</summary>
    public static RuntimeCandidate Shipped { get; } = new("as shipped", new Dictionary<string, string>());

    /// <summary>Gets a value indicating whether this is the baseline (nothing set).</summary>
    public bool IsBaseline => Environment.Count == 0;

    /// <summary>
    /// Gets the candidates of a full run, after the baseline. The gateway ships workstation non-concurrent GC, so the
    /// GC candidate is turning concurrent (background) GC back on. GCgen0size is read as hex with or without 0x, and
    /// only from the environment (a runtimeconfig.json property is ignored by .NET 10; checked with the GC's counts).
    /// </summary>
    public static IReadOnlyList<RuntimeCandidate> Full { get; } =
    [
        Shipped,
        Of("DOTNET_gcConcurrent", "1"),
        // The gateway ships TieredPGO=false since the first run of this case; this pair re-checks that choice.
        Of("DOTNET_TieredPGO", "1"),
        Of("DOTNET_TieredCompilation", "0"),
        Of("DOTNET_GCgen0size", "0x400000"),
        Of("DOTNET_GCgen0size", "0x1000000"),
    ];

    /// <summary>Gets the smoke's two candidates: enough to run every step of case h once, not to decide anything.</summary>
    public static IReadOnlyList<RuntimeCandidate> Smoke { get; } = [Shipped, Of("DOTNET_gcConcurrent", "1")];

    private static RuntimeCandidate Of(string variable, string value) =>
        new($"{variable}={value}", new Dictionary<string, string> { [variable] = value });
}
