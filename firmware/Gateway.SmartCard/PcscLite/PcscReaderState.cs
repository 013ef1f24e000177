namespace Gateway.SmartCard.PcscLite;

/// <summary>Managed form of SCARD_READERSTATE, independent of the platform layout.</summary>
public sealed class PcscReaderState
{
    /// <summary>SCARD_STATE_CHANGED.</summary>
    public const uint StateChanged = 0x0002;

    /// <summary>SCARD_STATE_UNKNOWN (reader gone).</summary>
    public const uint StateUnknown = 0x0004;

    /// <summary>SCARD_STATE_UNAVAILABLE.</summary>
    public const uint StateUnavailable = 0x0008;

    /// <summary>SCARD_STATE_EMPTY.</summary>
    public const uint StateEmpty = 0x0010;

    /// <summary>SCARD_STATE_PRESENT.</summary>
    public const uint StatePresent = 0x0020;

    /// <summary>SCARD_STATE_MUTE (card present but not answering).</summary>
    public const uint StateMute = 0x0200;

    /// <summary>The pseudo-reader that reports readers added and removed.</summary>
    public const string PnpNotification = @"\\?PnP?\Notification";

    /// <summary>Creates a state entry.</summary>
    /// <param name="readerName">Reader name (or <see cref="PnpNotification"/>).</param>
    /// <param name="currentState">What the caller believes (dwCurrentState).</param>
    public PcscReaderState(string readerName, uint currentState)
    {
        ReaderName = readerName;
        CurrentState = currentState;
    }

    /// <summary>Reader name.</summary>
    public string ReaderName { get; }

    /// <summary>dwCurrentState fed to SCardGetStatusChange.</summary>
    public uint CurrentState { get; set; }

    /// <summary>dwEventState returned (upper 16 bits: event counter).</summary>
    public uint EventState { get; set; }

    /// <summary>The ATR reported with the state.</summary>
    public byte[] Atr { get; set; } = [];

    /// <summary>True when <see cref="EventState"/> says a usable card is present.</summary>
    public bool CardPresent => (EventState & StatePresent) != 0 && (EventState & StateMute) == 0;

    /// <summary>Copies the event state into the current state (clearing CHANGED) for the next call.</summary>
    public void Acknowledge() => CurrentState = EventState & ~StateChanged;
}
