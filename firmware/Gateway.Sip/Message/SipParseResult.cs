using System.Diagnostics.CodeAnalysis;

namespace Gateway.Sip.Message;

/// <summary>The outcome of parsing a datagram: a message or an error.</summary>
/// <param name="Message">The message, when parsing succeeded.</param>
/// <param name="Error">The error, when it failed.</param>
/// <param name="LooksLikeResponse">True when the input starts like a Status-Line, so a failure must be dropped rather than answered.</param>
public readonly record struct SipParseResult(SipMessage? Message, SipParseError Error, bool LooksLikeResponse)
{
    /// <summary>True when <see cref="Message"/> is set.</summary>
    [MemberNotNullWhen(true, nameof(Message))]
    public bool IsSuccess => Message is not null;
}
