namespace Gateway.Sip.Message;

/// <summary>Why a SIP message, or one of its header values, could not be parsed.</summary>
public enum SipParseErrorCode
{
    /// <summary>No error.</summary>
    None = 0,

    /// <summary>The start line is neither a valid Request-Line nor a valid Status-Line.</summary>
    InvalidStartLine,

    /// <summary>The method is not a token.</summary>
    InvalidMethod,

    /// <summary>The Request-URI is empty, contains white space or is not an absolute URI.</summary>
    InvalidRequestUri,

    /// <summary>The SIP-Version is not of the form SIP/digits.digits.</summary>
    InvalidVersion,

    /// <summary>The Status-Code is not exactly three digits.</summary>
    InvalidStatusCode,

    /// <summary>A header line has an empty or non-token field name.</summary>
    InvalidHeaderName,

    /// <summary>A header line has no colon after its name.</summary>
    MissingColon,

    /// <summary>A CR or LF appears that is not part of a CRLF line end.</summary>
    BareLineBreak,

    /// <summary>A continuation line appears where no header precedes it.</summary>
    UnexpectedContinuation,

    /// <summary>The message exceeds the configured maximum size.</summary>
    MessageTooLarge,

    /// <summary>The message has more header fields than allowed.</summary>
    TooManyHeaders,

    /// <summary>A header field line exceeds the configured maximum length.</summary>
    LineTooLong,

    /// <summary>Content-Length is not a non-negative decimal number in range.</summary>
    InvalidContentLength,

    /// <summary>Content-Length appears more than once with different values.</summary>
    ConflictingContentLength,

    /// <summary>A stream-transport message has no Content-Length.</summary>
    MissingContentLength,

    /// <summary>Content-Length is larger than the datagram that carries the message.</summary>
    ContentLengthExceedsDatagram,

    /// <summary>A header that may appear once appears more than once.</summary>
    DuplicateHeader,

    /// <summary>A header value does not match its grammar.</summary>
    InvalidHeaderValue,

    /// <summary>A quoted string has no closing quote.</summary>
    UnterminatedQuotedString,

    /// <summary>A number is out of the range its grammar allows.</summary>
    NumberOutOfRange,

    /// <summary>A URI does not match its grammar.</summary>
    InvalidUri,

    /// <summary>A % escape is not followed by two hexadecimal digits.</summary>
    InvalidEscape,

    /// <summary>A parameter is empty or malformed.</summary>
    InvalidParameter,
}
