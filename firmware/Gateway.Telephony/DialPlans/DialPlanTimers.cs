namespace Gateway.Telephony.DialPlans;

/// <summary>The inter-digit timers of a <see cref="DigitCollector"/>.</summary>
/// <param name="ShortInterDigit">
/// The wait after a key that completes a match which a longer string could also match (e.g. <c>011</c> under
/// <c>011x.</c>): when it runs out the collector dials what was keyed. Default 4 s, as on common ATAs (3-5 s).
/// </param>
/// <param name="LongInterDigit">
/// The wait after a key that leaves only a partial match: when it runs out the attempt ends with no match (reorder).
/// Default 10 s, the usual ATA long inter-digit timer.
/// </param>
public sealed record DialPlanTimers(TimeSpan ShortInterDigit, TimeSpan LongInterDigit)
{
    /// <summary>Gets the default timers: short 4 s, long 10 s.</summary>
    public static DialPlanTimers Default { get; } = new(TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(10));

    /// <summary>Throws when a timer is not positive or is longer than a day (a mistyped configuration).</summary>
    /// <exception cref="ArgumentOutOfRangeException">A timer is out of range.</exception>
    public void Validate()
    {
        Check(ShortInterDigit, nameof(ShortInterDigit));
        Check(LongInterDigit, nameof(LongInterDigit));
    }

    private static void Check(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            throw new ArgumentOutOfRangeException(name, value, "an inter-digit timer must be more than zero and at most a day");
        }
    }
}
