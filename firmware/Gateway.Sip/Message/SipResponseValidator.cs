namespace Gateway.Sip.Message;

/// <summary>
/// Decides whether a UAC keeps a response. A response is never answered; a bad one is silently
/// dropped (RFC 3261 §8.1.3.3, RFC 4475 §3.1.2.5 and §3.1.2.19).
/// </summary>
public static class SipResponseValidator
{
    /// <summary>Checks a parsed response.</summary>
    /// <param name="response">The response.</param>
    /// <param name="reason">Why it must be dropped; empty when kept.</param>
    /// <returns>True when the response must be dropped.</returns>
    public static bool ShouldDrop(SipResponse response, out string reason)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (!response.IsSip20)
        {
            reason = "version not SIP/2.0";
            return true;
        }

        foreach (var id in (ReadOnlySpan<SipHeaderId>)[SipHeaderId.CallId, SipHeaderId.From, SipHeaderId.To, SipHeaderId.CSeq])
        {
            if (response.CountOf(id) != 1)
            {
                reason = $"{SipHeaderNames.GetCanonicalName(id)} missing or repeated";
                return true;
            }
        }

        try
        {
            // More than one Via means the response was not meant for this UAC (§8.1.3.3).
            if (response.Via.Count != 1)
            {
                reason = "response must carry exactly one Via at a UAC";
                return true;
            }

            _ = response.From;
            _ = response.To;
            _ = response.CallId;
            _ = response.CSeq;
        }
        catch (SipParseException ex)
        {
            reason = ex.Error.Detail;
            return true;
        }

        reason = string.Empty;
        return false;
    }
}
