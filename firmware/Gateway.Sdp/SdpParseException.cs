namespace Gateway.Sdp;

/// <summary>
/// A session description that cannot be used. <see cref="Reason"/> is short enough to go into a 488 reason phrase
/// or a Warning header; <see cref="LineNumber"/> is 1-based, or 0 when the whole body is at fault (e.g. too large).
/// </summary>
public sealed class SdpParseException : Exception
{
    /// <summary>Creates an exception with no detail.</summary>
    public SdpParseException()
        : this(0, "bad SDP")
    {
    }

    /// <summary>Creates an exception with a reason and no line.</summary>
    public SdpParseException(string message)
        : this(0, message)
    {
    }

    /// <summary>Creates an exception with a reason and no line, wrapping another.</summary>
    public SdpParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Creates an exception for one line.</summary>
    public SdpParseException(int lineNumber, string reason)
        : base(lineNumber > 0 ? $"SDP line {lineNumber}: {reason}" : reason)
    {
        LineNumber = lineNumber;
        Reason = reason;
    }

    /// <summary>The 1-based line that failed, or 0.</summary>
    public int LineNumber { get; }

    /// <summary>What is wrong, without the line number.</summary>
    public string Reason { get; } = "bad SDP";
}
