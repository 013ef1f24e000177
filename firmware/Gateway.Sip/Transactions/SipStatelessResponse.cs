using System.Security.Cryptography;
using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip.Transactions;

/// <summary>
/// Best-effort 400 for a request that did not parse (RFC 3261 §21.4.1): the Via, From, To, Call-ID
/// and CSeq lines are copied verbatim from the raw bytes, so a broken request can still be answered.
/// </summary>
public static class SipStatelessResponse
{
    private const int MaxDetailLength = 120;

    /// <summary>Builds a 400 with the detail in the reason phrase.</summary>
    /// <param name="request">The raw request bytes.</param>
    /// <param name="detail">Why it was rejected.</param>
    /// <returns>The response bytes, or null when the request has no Via line to answer to.</returns>
    public static byte[]? CreateBadRequest(ReadOnlySpan<byte> request, string detail)
    {
        ArgumentNullException.ThrowIfNull(detail);
        var builder = SipMessageBuilder.ForResponse(400, "Bad Request (" + Sanitize(detail) + ")");
        var hasVia = false;
        var rest = request[SipParser.SkipLeadingCrlf(request)..];
        var first = true;
        while (!rest.IsEmpty)
        {
            var eol = rest.IndexOf("\r\n"u8);
            var line = eol < 0 ? rest : rest[..eol];
            rest = eol < 0 ? default : rest[(eol + 2)..];
            if (first)
            {
                first = false;
                continue;
            }

            if (line.IsEmpty)
            {
                break;
            }

            var colon = line.IndexOf((byte)':');
            if (line[0] is (byte)' ' or (byte)'\t' || colon <= 0)
            {
                // Continuation or junk lines are left out of a best-effort answer.
                continue;
            }

            var id = SipHeaderNames.Identify(line[..colon].TrimEnd(" \t"u8));
            if (id is not (SipHeaderId.Via or SipHeaderId.From or SipHeaderId.To or SipHeaderId.CallId or SipHeaderId.CSeq))
            {
                continue;
            }

            var value = line[(colon + 1)..].Trim(" \t"u8).ToArray();
            if (id == SipHeaderId.To && value.AsSpan().IndexOf(";tag="u8) < 0)
            {
                value = [.. value, .. ";tag="u8, .. Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)))];
            }

            builder.AddHeader(SipHeaderNames.GetCanonicalName(id), new SipText(value));
            hasVia |= id == SipHeaderId.Via;
        }

        return hasVia ? builder.ToArray() : null;
    }

    private static string Sanitize(string detail)
    {
        var sb = new StringBuilder(Math.Min(detail.Length, MaxDetailLength));
        foreach (var c in detail)
        {
            if (sb.Length == MaxDetailLength)
            {
                break;
            }

            sb.Append(char.IsControl(c) ? ' ' : c);
        }

        return sb.ToString();
    }
}
