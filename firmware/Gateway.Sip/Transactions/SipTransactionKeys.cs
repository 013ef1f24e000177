using System.Globalization;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Transactions;

/// <summary>Matching keys of RFC 3261 §17.1.3 (client) and §17.2.3 (server, with the RFC 2543 fallback).</summary>
internal static class SipTransactionKeys
{
    /// <summary>Server key. ACK maps to INVITE so it finds the INVITE transaction; CANCEL keeps its own method.</summary>
    /// <exception cref="SipParseException">A header the key needs does not parse.</exception>
    public static string Server(SipRequest request, SipVia top, string? method = null)
    {
        method ??= request.Method.Span.SequenceEqual("ACK"u8) ? "INVITE" : request.Method.ToString();
        if (top.HasRfc3261Branch)
        {
            return string.Concat(top.Branch, "\n", SentBy(top), "\n", method);
        }

        // RFC 2543 peers: no unique branch, so the request's identity is its Request-URI, tags,
        // Call-ID, CSeq and top Via. The To tag is left out for INVITE because the ACK for a
        // non-2xx carries the tag of the response; the layer compares it separately.
        var toTag = method == "INVITE" ? string.Empty : request.To?.Tag;
        return string.Join(
            '\n',
            "2543",
            request.RequestUriText.ToString(),
            request.From?.Tag,
            toTag,
            request.CallId?.ToString(),
            request.CSeq?.Number.ToString(CultureInfo.InvariantCulture),
            top.ToString(),
            method);
    }

    /// <summary>Client key: top Via branch plus CSeq method (a CANCEL's responses find the CANCEL, not the INVITE).</summary>
    public static string Client(string branch, string method) => string.Concat(branch, "\n", method);

    /// <summary>Finds the INVITE an ACK for a 2xx belongs to (that ACK has a new branch): Call-ID, CSeq number, From tag.</summary>
    public static string Dialog(SipRequest request) =>
        string.Join('\n', request.CallId?.ToString(), request.CSeq?.Number.ToString(CultureInfo.InvariantCulture), request.From?.Tag);

    private static string SentBy(SipVia via) =>
        via.Host.ToString().ToLowerInvariant() + ":" + (via.Port?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
}
