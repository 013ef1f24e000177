namespace Gateway.Dsp.Dtmf;

/// <summary>
/// A detected DTMF digit: the key, where it started in the detector's input (sample index) and how long it lasted,
/// estimated to within about one detector hop (6.4 ms).
/// </summary>
/// <param name="Digit">0–9, *, #, A–D, the same characters as the keypad digit stream and RFC 4733 events.</param>
/// <param name="StartSample">Index of the first tone sample in the detector's input.</param>
/// <param name="DurationSamples">Estimated tone length in samples.</param>
/// <param name="SampleRate">Input sample rate, to turn samples into time.</param>
public readonly record struct DtmfDigitEvent(char Digit, long StartSample, int DurationSamples, int SampleRate)
{
    /// <summary>Start time relative to the first sample fed to the detector.</summary>
    public TimeSpan Start => TimeSpan.FromSeconds((double)StartSample / SampleRate);

    /// <summary>Estimated tone duration.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)DurationSamples / SampleRate);
}
