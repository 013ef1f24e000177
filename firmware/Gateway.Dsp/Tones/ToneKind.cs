namespace Gateway.Dsp.Tones;

/// <summary>The call-progress tones a tone plan provides.</summary>
public enum ToneKind
{
    /// <summary>Proceed to dial.</summary>
    Dial,

    /// <summary>Dial tone with a stutter or special form: message waiting or a service active.</summary>
    StutterDial,

    /// <summary>Ringing tone heard by the caller.</summary>
    Ringback,

    /// <summary>Called party busy.</summary>
    Busy,

    /// <summary>Network congestion / reorder (fast busy).</summary>
    Reorder,

    /// <summary>Second call waiting, played over the conversation.</summary>
    CallWaiting,

    /// <summary>Receiver off hook too long (ROH, howler).</summary>
    OffHookWarning,
}
