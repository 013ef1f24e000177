namespace Gateway.Dsp;

/// <summary>
/// Levels in dBm0 for 16-bit linear PCM. The reference is G.711: a full-scale sine is +3.17 dBm0 (μ-law digital
/// milliwatt), so a 0 dBm0 sine has peak amplitude 32768·10^(−3.17/20) ≈ 22 741.
/// </summary>
public static class PcmLevel
{
    /// <summary>Peak amplitude of a 0 dBm0 sine.</summary>
    public const double ZeroDbm0Peak = 22741.0;

    /// <summary>Mean-square value of a 0 dBm0 sine (peak²/2).</summary>
    public const double ZeroDbm0Power = ZeroDbm0Peak * ZeroDbm0Peak / 2;

    /// <summary>Peak amplitude of a sine at <paramref name="dbm0"/>.</summary>
    public static double PeakAmplitude(double dbm0) => ZeroDbm0Peak * Math.Pow(10, dbm0 / 20);

    /// <summary>Mean-square value of a sine at <paramref name="dbm0"/>.</summary>
    public static double Power(double dbm0) => ZeroDbm0Power * Math.Pow(10, dbm0 / 10);

    /// <summary>dBm0 of a mean-square value (−∞ for zero).</summary>
    public static double ToDbm0(double power) => 10 * Math.Log10(power / ZeroDbm0Power);

    /// <summary>Rounds and saturates to 16 bits.</summary>
    public static short Saturate(double value) =>
        value >= short.MaxValue ? short.MaxValue : value <= short.MinValue ? short.MinValue : (short)Math.Round(value);
}
