namespace Gateway.Sip.Message;

/// <summary>The combined verdict of framing, parsing and validation on one datagram.</summary>
/// <param name="Action">Accept, respond or drop.</param>
/// <param name="StatusCode">The status to answer with when <see cref="SipInboundAction.Respond"/>.</param>
/// <param name="Detail">Why, for logs.</param>
/// <param name="Message">The parsed message, when it parsed.</param>
/// <param name="ParseError">The parse error, when it did not.</param>
/// <param name="Validation">The request validation result, when a request was validated.</param>
public sealed record SipInboundDecision(
    SipInboundAction Action,
    int StatusCode,
    string Detail,
    SipMessage? Message,
    SipParseError? ParseError,
    SipValidationResult? Validation);
