namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// A seeded network impairment, drawn once per packet into an <see cref="ImpairmentTrace"/>. Loss is random
/// (<paramref name="Loss"/>) plus, when <paramref name="BurstEnter"/> is set, a two-state Gilbert model whose bad
/// state drops every packet; delay is <paramref name="DelayMs"/> plus a uniform draw in [0, <paramref name="JitterMs"/>]
/// (more than a frame of jitter reorders packets).
/// </summary>
/// <param name="Name">Short name for the report.</param>
/// <param name="Loss">Probability of an isolated loss in the good state.</param>
/// <param name="DelayMs">Fixed one-way delay.</param>
/// <param name="JitterMs">Width of the uniform extra delay.</param>
/// <param name="BurstEnter">Probability per packet of entering the bad (burst) state; 0 for none.</param>
/// <param name="BurstExit">Probability per packet of leaving the bad state (mean burst = 1 / BurstExit packets).</param>
/// <param name="Seed">Seed of every draw.</param>
internal sealed record ImpairmentProfile(string Name, double Loss, int DelayMs, int JitterMs, double BurstEnter, double BurstExit, int Seed)
{
    public override string ToString() =>
        $"{Name}: {Loss:P0} random loss{(BurstEnter > 0 ? $" + bursts (enter {BurstEnter:P1}, mean {1 / BurstExit:F1} packets)" : string.Empty)}, " +
        $"{DelayMs} ms + U[0, {JitterMs}] ms, seed {Seed}";
}
