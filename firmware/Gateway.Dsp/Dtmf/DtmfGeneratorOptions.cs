namespace Gateway.Dsp.Dtmf;

/// <summary>
/// Levels and timing of generated DTMF. Defaults: low group −8 dBm0, high group −6 dBm0 (the high group 2 dB up
/// as Q.23 telephones send it, to offset loop loss), 100 ms tone, 100 ms pause (Q.24 minimum 40 ms each).
/// </summary>
public sealed record DtmfGeneratorOptions
{
    /// <summary>Level of the low-group (row) tone, dBm0.</summary>
    public double LowGroupLevelDbm0 { get; init; } = -8;

    /// <summary>Level of the high-group (column) tone, dBm0.</summary>
    public double HighGroupLevelDbm0 { get; init; } = -6;

    /// <summary>Tone length per digit.</summary>
    public TimeSpan ToneDuration { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Silence after each digit.</summary>
    public TimeSpan Pause { get; init; } = TimeSpan.FromMilliseconds(100);
}
