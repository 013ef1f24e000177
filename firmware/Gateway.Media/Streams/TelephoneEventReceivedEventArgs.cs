namespace Gateway.Media.Streams;

/// <summary>A DTMF digit received as an RFC 4733 telephone-event.</summary>
public sealed class TelephoneEventReceivedEventArgs : EventArgs
{
    /// <summary>Creates the arguments.</summary>
    public TelephoneEventReceivedEventArgs(char digit, int durationMs)
    {
        Digit = digit;
        DurationMs = durationMs;
    }

    /// <summary>The digit (0-9, *, #, A-D).</summary>
    public char Digit { get; }

    /// <summary>The event's final duration.</summary>
    public int DurationMs { get; }
}
