namespace Gateway.Dsp.Dtmf;

/// <summary>
/// Acceptance limits of <see cref="DtmfDetector"/>. The defaults follow ITU-T Q.24 (and the tighter of the regional
/// values it lists) so that a detector on an FXS port accepts what Q.23 telephones send and rejects speech:
/// <list type="bullet">
/// <item>Frequency: each tone must be nearer its nominal frequency than a point 5 % away, i.e. deviations up to
/// 2.5 % pass; Q.24 requires acceptance at ≤ 1.5 % and rejection at ≥ 3.5 %, 2.5 % is the midpoint.</item>
/// <item>Twist: low group up to 8 dB above the high group ("normal", the loop attenuates the high group) and high
/// group up to 4 dB above the low group ("reverse"); Q.24 lists 6–9 dB and 2–6 dB for the administrations, these
/// are the common North American values (also spandsp's upper settings).</item>
/// <item>Level: −30 dBm0 per tone minimum; Q.24 asks for acceptance at −26 dBm0 (plus line loss margin varies) and
/// the tests check −26 accepted and −36 rejected.</item>
/// <item>Duration: 30 ms estimated (the estimate is within ~one 6.4 ms hop); Q.24 accepts ≥ 40 ms and rejects
/// ≤ 20–25 ms, the tests check 40 ms accepted and 23 ms rejected.</item>
/// </list>
/// </summary>
public sealed record DtmfDetectorOptions
{
    /// <summary>Minimum level of each tone, dBm0.</summary>
    public double MinimumToneLevelDbm0 { get; init; } = -30;

    /// <summary>How far the low group may exceed the high group, dB.</summary>
    public double NormalTwistDb { get; init; } = 8;

    /// <summary>How far the high group may exceed the low group, dB.</summary>
    public double ReverseTwistDb { get; init; } = 4;

    /// <summary>Largest accepted frequency deviation as a fraction (flank filters sit at twice this).</summary>
    public double FrequencyTolerance { get; init; } = 0.025;

    /// <summary>
    /// Share of the window's energy the two tones must carry. Speech and music spread energy over many
    /// frequencies; this is the main talk-off guard, with the second-harmonic check.
    /// </summary>
    public double MinimumToneEnergyRatio { get; init; } = 0.75;

    /// <summary>
    /// How far below the high-group tone its second harmonic must be, dB: voiced speech and instruments have strong
    /// harmonics, telephones keep distortion products ~20 dB down (Q.23), so 16 dB leaves margin for both.
    /// </summary>
    public double SecondHarmonicRejectionDb { get; init; } = 16;

    /// <summary>Shortest digit reported.</summary>
    public TimeSpan MinimumDuration { get; init; } = TimeSpan.FromMilliseconds(30);

    /// <summary>Gap that ends a digit; shorter dropouts of the same digit are bridged.</summary>
    public TimeSpan MinimumPause { get; init; } = TimeSpan.FromMilliseconds(20);
}
