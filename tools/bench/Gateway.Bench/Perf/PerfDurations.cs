namespace Gateway.Bench.Perf;

/// <summary>How long and how often each case measures: the full figures, or a few seconds each for CI's smoke.</summary>
internal sealed record PerfDurations(
    TimeSpan IdleWindow,
    int IdleWindows,
    int StartupRuns,
    int CardRounds,
    TimeSpan CallWindow,
    int CallRuns,
    TimeSpan MultiCallWindow,
    IReadOnlyList<int> MultiCallStations,
    int LatencySamples)
{
    public static PerfDurations Full { get; } = new(TimeSpan.FromSeconds(10), 6, 5, 20, TimeSpan.FromSeconds(60), 3, TimeSpan.FromSeconds(15), [1, 2, 4, 8, 16, 24, 32, 48], 40);

    public static PerfDurations Smoke { get; } = new(TimeSpan.FromSeconds(1), 3, 1, 2, TimeSpan.FromSeconds(4), 1, TimeSpan.FromSeconds(3), [1, 2], 3);
}
