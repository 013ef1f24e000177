namespace Gateway.Sip.Message;

/// <summary>
/// Runs a datagram through framing, parsing and validation and says what a UA does with it:
/// a request that does not parse is answered 400 (RFC 3261 §21.4.1), a response that does not
/// parse or validate is dropped.
/// </summary>
public sealed class SipInboundFilter
{
    private readonly SipRequestValidator _validator;
    private readonly SipParserOptions _options;

    /// <summary>Creates a filter.</summary>
    /// <param name="validator">The request validator; default capabilities when null.</param>
    /// <param name="options">Parser limits; defaults when null.</param>
    public SipInboundFilter(SipRequestValidator? validator = null, SipParserOptions? options = null)
    {
        _validator = validator ?? new SipRequestValidator();
        _options = options ?? SipParserOptions.Default;
    }

    /// <summary>Evaluates one datagram.</summary>
    /// <param name="datagram">The bytes received.</param>
    /// <returns>The decision.</returns>
    public SipInboundDecision Evaluate(ReadOnlySpan<byte> datagram)
    {
        var result = SipMessageReader.ParseDatagram(datagram, _options);
        if (!result.IsSuccess)
        {
            return result.LooksLikeResponse
                ? new SipInboundDecision(SipInboundAction.Drop, 0, result.Error.Detail, null, result.Error, null)
                : new SipInboundDecision(SipInboundAction.Respond, 400, result.Error.Detail, null, result.Error, null);
        }

        if (result.Message is SipResponse response)
        {
            return SipResponseValidator.ShouldDrop(response, out var reason)
                ? new SipInboundDecision(SipInboundAction.Drop, 0, reason, response, null, null)
                : new SipInboundDecision(SipInboundAction.Accept, 0, string.Empty, response, null, null);
        }

        var request = (SipRequest)result.Message;
        var validation = _validator.Validate(request);
        return validation.IsAccepted
            ? new SipInboundDecision(SipInboundAction.Accept, 0, string.Empty, request, null, validation)
            : new SipInboundDecision(SipInboundAction.Respond, validation.StatusCode, validation.Detail, request, null, validation);
    }
}
