namespace Gateway.Media.IntegrationTests;

/// <summary>What the relay does to each datagram in the impaired direction.</summary>
/// <param name="Loss">Probability a datagram is dropped.</param>
/// <param name="DelayMs">Fixed one-way delay.</param>
/// <param name="JitterMs">Extra delay drawn uniformly from [0, JitterMs]; large values reorder packets.</param>
/// <param name="Seed">Seed of the random draws, so a run can be repeated.</param>
internal sealed record Impairment(double Loss, int DelayMs, int JitterMs, int Seed);
