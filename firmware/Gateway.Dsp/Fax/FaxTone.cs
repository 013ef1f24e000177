namespace Gateway.Dsp.Fax;

/// <summary>Fax and modem tones the gateway reacts to (switch to T.38 or a clear channel).</summary>
public enum FaxTone
{
    /// <summary>CNG, calling fax: 1100 Hz, 0.5 s on / 3 s off (ITU-T T.30).</summary>
    Cng,

    /// <summary>CED / ANS / ANSam, answering fax or modem: 2100 Hz for ≥ 2.6 s (T.30, V.25, V.8).</summary>
    Ced,
}
