namespace Gateway.Sip.Message;

/// <summary>Thrown when a typed header value is read whose text does not match its grammar.</summary>
public sealed class SipParseException : FormatException
{
    /// <summary>Creates an exception with no error details.</summary>
    public SipParseException()
        : this(new SipParseError(SipParseErrorCode.InvalidHeaderValue, 0, "invalid SIP syntax"))
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">The explanation.</param>
    public SipParseException(string message)
        : this(new SipParseError(SipParseErrorCode.InvalidHeaderValue, 0, message))
    {
    }

    /// <summary>Creates an exception with a message and an inner exception.</summary>
    /// <param name="message">The explanation.</param>
    /// <param name="innerException">The cause.</param>
    public SipParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Error = new SipParseError(SipParseErrorCode.InvalidHeaderValue, 0, message);
    }

    /// <summary>Creates an exception carrying a parse error.</summary>
    /// <param name="error">The error.</param>
    public SipParseException(SipParseError error)
        : base(error.ToString())
    {
        Error = error;
    }

    /// <summary>The parse error, with its byte offset in the message.</summary>
    public SipParseError Error { get; }
}
