namespace Gateway.Dsp.Tones;

/// <summary>One sine of a tone: frequency in Hz and level in dBm0.</summary>
/// <param name="Frequency">Frequency in Hz.</param>
/// <param name="LevelDbm0">Level in dBm0 (see <see cref="PcmLevel"/>).</param>
public readonly record struct ToneComponent(double Frequency, double LevelDbm0);
