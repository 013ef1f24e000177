namespace Gateway.Bench.Perf;

/// <summary>
/// Case h's sizes: the candidates, how many alternations of each against the baseline, the media window at how many
/// stations, and the gateway's idle window after registration.
/// </summary>
internal sealed record RuntimeSettingsDurations(IReadOnlyList<RuntimeCandidate> Candidates, int Rounds, int Stations, TimeSpan MediaWindow, TimeSpan IdleWindow)
{
    public static RuntimeSettingsDurations Full { get; } = new(RuntimeCandidate.Full, 2, 16, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(5));

    public static RuntimeSettingsDurations Smoke { get; } = new(RuntimeCandidate.Smoke, 1, 2, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(1));
}
