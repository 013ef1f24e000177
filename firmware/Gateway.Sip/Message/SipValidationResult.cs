namespace Gateway.Sip.Message;

/// <summary>The verdict on an inbound request: accept it, or the response a UAS sends instead.</summary>
public sealed class SipValidationResult
{
    private SipValidationResult(int statusCode, string detail, IReadOnlyList<KeyValuePair<string, string>> extraHeaders)
    {
        StatusCode = statusCode;
        Detail = detail;
        ExtraHeaders = extraHeaders;
    }

    /// <summary>The request may be processed.</summary>
    public static SipValidationResult Accepted { get; } = new(0, string.Empty, []);

    /// <summary>True when the request may be processed.</summary>
    public bool IsAccepted => StatusCode == 0;

    /// <summary>The status code to answer with; 0 when accepted.</summary>
    public int StatusCode { get; }

    /// <summary>Why, for logs and for the reason phrase of a 400.</summary>
    public string Detail { get; }

    /// <summary>Headers the response must carry (Unsupported for 420, Allow for 501, Accept for 415).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ExtraHeaders { get; }

    /// <summary>Creates a rejection.</summary>
    /// <param name="statusCode">The code.</param>
    /// <param name="detail">Why.</param>
    /// <param name="extraHeaders">Headers to include.</param>
    /// <returns>The result.</returns>
    public static SipValidationResult Reject(int statusCode, string detail, params KeyValuePair<string, string>[] extraHeaders) =>
        new(statusCode, detail, extraHeaders);

    /// <summary>Builds the response to send for a rejected request.</summary>
    /// <param name="request">The request.</param>
    /// <returns>The response builder, with the extra headers added.</returns>
    public SipMessageBuilder CreateResponse(SipRequest request)
    {
        if (IsAccepted)
        {
            throw new InvalidOperationException("An accepted request has no rejection response.");
        }

        var reason = StatusCode == 400 && Detail.Length > 0 ? $"Bad Request ({Detail})" : null;
        var builder = SipResponseFactory.CreateResponse(request, StatusCode, reason);
        foreach (var (name, value) in ExtraHeaders)
        {
            builder.AddHeader(name, value);
        }

        return builder;
    }

    /// <inheritdoc/>
    public override string ToString() => IsAccepted ? "accepted" : $"{StatusCode} {Detail}";
}
