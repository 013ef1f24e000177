using Gateway.Sip.Uris;

namespace Gateway.Sip.Message;

/// <summary>
/// Decides what a UAS answers to a request that parsed but may be wrong (RFC 3261 §8.2), in the
/// RFC's order: version, mandatory headers, URI scheme, method, then extensions and bodies.
/// Max-Forwards 0 is not an error for a UA (RFC 4475 §3.3.11).
/// </summary>
public sealed class SipRequestValidator
{
    private static readonly (SipHeaderId Id, string Name)[] s_mandatory =
    [
        (SipHeaderId.CallId, "Call-ID"), (SipHeaderId.From, "From"), (SipHeaderId.To, "To"), (SipHeaderId.CSeq, "CSeq"),
    ];

    private readonly SipUasCapabilities _capabilities;

    /// <summary>Creates a validator.</summary>
    /// <param name="capabilities">What the UAS understands; defaults when null.</param>
    public SipRequestValidator(SipUasCapabilities? capabilities = null) => _capabilities = capabilities ?? new SipUasCapabilities();

    /// <summary>Validates a request.</summary>
    /// <param name="request">The parsed request.</param>
    /// <returns>Accepted, or the response to send.</returns>
    public SipValidationResult Validate(SipRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.IsSip20)
        {
            return SipValidationResult.Reject(505, $"version {request.Version} not supported");
        }

        var structural = CheckHeaders(request);
        if (structural is not null)
        {
            return structural;
        }

        var uri = request.RequestUri;
        if (!_capabilities.UriSchemes.Contains(uri.Scheme.ToString()))
        {
            return SipValidationResult.Reject(416, $"URI scheme '{uri.Scheme}' not supported");
        }

        var method = request.Method.ToString();
        if (!_capabilities.Methods.Contains(method))
        {
            var allow = Header("Allow", string.Join(", ", _capabilities.Methods.Order(StringComparer.Ordinal)));
            return _capabilities.KnownMethods.Contains(method)
                ? SipValidationResult.Reject(405, $"method {method} not allowed", allow)
                : SipValidationResult.Reject(501, $"method {method} not implemented", allow);
        }

        if (!request.CSeq!.Method.Equals(request.Method))
        {
            return SipValidationResult.Reject(400, "CSeq method does not match the request method");
        }

        if (uri is SipUri { Headers.Count: > 0 })
        {
            return SipValidationResult.Reject(400, "Request-URI must not contain headers");
        }

        if (method == "REGISTER" && request.To!.Uri is not SipUri)
        {
            return SipValidationResult.Reject(400, "address-of-record in To must be a SIP or SIPS URI");
        }

        return CheckExtensionsAndBody(request, method);
    }

    private static SipValidationResult? CheckHeaders(SipRequest request)
    {
        if (request.CountOf(SipHeaderId.Via) == 0)
        {
            return SipValidationResult.Reject(400, "missing Via");
        }

        foreach (var (id, name) in s_mandatory)
        {
            var count = request.CountOf(id);
            if (count != 1)
            {
                return SipValidationResult.Reject(400, count == 0 ? $"missing {name}" : $"duplicate {name}");
            }
        }

        try
        {
            _ = request.RequestUri;
            _ = request.Via;
            _ = request.From;
            _ = request.To;
            _ = request.CallId;
            _ = request.CSeq;
            _ = request.MaxForwards;
            _ = request.Contact;
            _ = request.ContentType;
            _ = request.Require;
            _ = request.Accept;
            _ = request.Expires;
        }
        catch (SipParseException ex)
        {
            return SipValidationResult.Reject(400, ex.Error.Detail);
        }

        return null;
    }

    private SipValidationResult CheckExtensionsAndBody(SipRequest request, string method)
    {
        if (method is not ("ACK" or "CANCEL"))
        {
            var unsupported = request.Require.Select(t => t.ToString()).Where(t => !_capabilities.OptionTags.Contains(t)).ToArray();
            if (unsupported.Length > 0)
            {
                var tags = string.Join(", ", unsupported);
                return SipValidationResult.Reject(420, $"unsupported extensions: {tags}", Header("Unsupported", tags));
            }
        }

        if (!request.Body.IsEmpty)
        {
            var type = request.ContentType;
            if (type is null)
            {
                return SipValidationResult.Reject(400, "body without Content-Type");
            }

            if (!_capabilities.ContentTypes.Contains($"{type.Type}/{type.Subtype}"))
            {
                return SipValidationResult.Reject(415, $"media type {type.Type}/{type.Subtype} not supported", Header("Accept", string.Join(", ", _capabilities.ContentTypes)));
            }
        }

        if (method is "INVITE" or "OPTIONS" && request.Accept is { Count: > 0 } accept
            && !accept.Any(range => _capabilities.ContentTypes.Any(t => Matches(range, t))))
        {
            return SipValidationResult.Reject(406, "none of the Accept media types can be produced", Header("Warning", "399 gateway \"Accept lists no supported media type\""));
        }

        return SipValidationResult.Accepted;
    }

    private static bool Matches(Headers.SipMediaType range, string mediaType)
    {
        var slash = mediaType.IndexOf('/', StringComparison.Ordinal);
        return range.Matches(mediaType[..slash], mediaType[(slash + 1)..]);
    }

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);
}
