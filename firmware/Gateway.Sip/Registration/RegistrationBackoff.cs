namespace Gateway.Sip.Registration;

/// <summary>
/// The wait before retrying a failed registration, in the style of RFC 5626 §4.5:
/// min(<see cref="Max"/>, <see cref="Base"/> × 2^(failures−1)), of which a random share up to
/// <see cref="RandomFactor"/> is taken off so that many gateways behind one failed registrar do not retry in step.
/// </summary>
public sealed record RegistrationBackoff
{
    /// <summary>RFC 5626's base time when no flow works (30 s), max-time 1800 s, waits between 50 % and 100 %.</summary>
    public static RegistrationBackoff Default { get; } = new();

    /// <summary>The wait after the first failure, before jitter.</summary>
    public TimeSpan Base { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait, before jitter.</summary>
    public TimeSpan Max { get; init; } = TimeSpan.FromSeconds(1800);

    /// <summary>Share of the wait that may be taken off at random, 0 (none) to 1.</summary>
    public double RandomFactor { get; init; } = 0.5;

    /// <summary>The wait before the next attempt.</summary>
    /// <param name="consecutiveFailures">Failures in a row, at least 1.</param>
    /// <param name="random">A uniform number in [0, 1).</param>
    /// <returns>The wait.</returns>
    public TimeSpan Delay(int consecutiveFailures, double random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(consecutiveFailures, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(random, 0.0);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(random, 1.0);
        var ceiling = Max;
        // 2^30 × any sane base already exceeds every sane max; the cap keeps the shift in range.
        var exponent = Math.Min(consecutiveFailures - 1, 30);
        var ticks = Base.Ticks * (double)(1L << exponent);
        if (ticks < ceiling.Ticks)
        {
            ceiling = TimeSpan.FromTicks((long)ticks);
        }

        var factor = Math.Clamp(RandomFactor, 0.0, 1.0);
        return TimeSpan.FromTicks((long)(ceiling.Ticks * (1.0 - (factor * random))));
    }
}
