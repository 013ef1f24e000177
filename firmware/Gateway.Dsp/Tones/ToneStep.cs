namespace Gateway.Dsp.Tones;

/// <summary>
/// One cadence step: the sines sounding together (none for a silent step) and for how long;
/// <see cref="Timeout.InfiniteTimeSpan"/> means the step lasts until the tone is stopped.
/// </summary>
/// <param name="Components">Sines summed during the step; empty for silence.</param>
/// <param name="Duration">Step length, or <see cref="Timeout.InfiniteTimeSpan"/> for continuous.</param>
public sealed record ToneStep(IReadOnlyList<ToneComponent> Components, TimeSpan Duration)
{
    /// <summary>A step of the given sines for <paramref name="milliseconds"/> (≤ 0 means continuous).</summary>
    public static ToneStep On(int milliseconds, params ToneComponent[] components) =>
        new(components, milliseconds <= 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>A silent step of <paramref name="milliseconds"/>.</summary>
    public static ToneStep Off(int milliseconds) => new([], TimeSpan.FromMilliseconds(milliseconds));

    /// <summary>True when the step lasts until the tone is stopped.</summary>
    public bool IsContinuous => Duration == Timeout.InfiniteTimeSpan;
}
