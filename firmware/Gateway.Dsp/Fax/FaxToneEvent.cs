namespace Gateway.Dsp.Fax;

/// <summary>A detected fax tone: which, where it started in the input and how long it had lasted when reported.</summary>
/// <param name="Tone">CNG or CED.</param>
/// <param name="StartSample">Index of the tone's first 10 ms block in the detector's input.</param>
/// <param name="DurationSamples">Tone length when reported (whole burst for CNG, the sustain time for CED).</param>
/// <param name="SampleRate">Input sample rate.</param>
public readonly record struct FaxToneEvent(FaxTone Tone, long StartSample, int DurationSamples, int SampleRate)
{
    /// <summary>Start time relative to the first sample fed to the detector.</summary>
    public TimeSpan Start => TimeSpan.FromSeconds((double)StartSample / SampleRate);

    /// <summary>Duration when reported.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds((double)DurationSamples / SampleRate);
}
