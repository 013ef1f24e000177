namespace Gateway.Hardware;

/// <summary>Timing rules for <see cref="CoinAcceptorBase"/>.</summary>
/// <remarks>
/// Typical mechanisms send 1–20 pulses of 20–100 ms, 50–150 ms apart, per coin; coins are at least ~0.5 s
/// apart, so a 250 ms quiet gap separates coins safely.
/// </remarks>
public sealed class CoinAcceptorSettings
{
    /// <summary>Quiet time after the last pulse that ends a coin. Default 250 ms.</summary>
    public TimeSpan PulseGroupGap { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Pulses closer than this to the previous one are contact bounce and ignored. Default 10 ms.</summary>
    public TimeSpan MinPulseSpacing { get; init; } = TimeSpan.FromMilliseconds(10);

    /// <summary>A group with more pulses is discarded as noise. Default 50.</summary>
    public int MaxPulsesPerCoin { get; init; } = 50;

    /// <summary>Checks that the values are consistent.</summary>
    /// <exception cref="ArgumentException">A value is out of range.</exception>
    public void Validate()
    {
        if (MinPulseSpacing < TimeSpan.Zero || MinPulseSpacing >= PulseGroupGap)
        {
            throw new ArgumentException($"Coin setting {nameof(MinPulseSpacing)} must be at least 0 and less than {nameof(PulseGroupGap)}.", nameof(MinPulseSpacing));
        }

        if (PulseGroupGap > TimeSpan.FromSeconds(5))
        {
            throw new ArgumentException($"Coin setting {nameof(PulseGroupGap)} must be at most 5 s.", nameof(PulseGroupGap));
        }

        if (MaxPulsesPerCoin < 1)
        {
            throw new ArgumentException($"Coin setting {nameof(MaxPulsesPerCoin)} must be at least 1.", nameof(MaxPulsesPerCoin));
        }
    }
}
