using System.Security.Cryptography;
using Gateway.Sip.Headers;

namespace Gateway.Sip.Message;

/// <summary>Creates responses to a request as RFC 3261 §8.2.6 requires.</summary>
public static class SipResponseFactory
{
    /// <summary>
    /// Starts a response that copies every Via line (in order), From, To, Call-ID and CSeq from the
    /// request. A To tag is added to every response but 100 Trying when the request had none.
    /// </summary>
    /// <param name="request">The request being answered.</param>
    /// <param name="statusCode">100 to 699.</param>
    /// <param name="reasonPhrase">The phrase; the standard one when null.</param>
    /// <param name="toTag">The tag to add; a random one when null and one is needed.</param>
    /// <returns>A builder to which more headers and a body can be added.</returns>
    public static SipMessageBuilder CreateResponse(SipRequest request, int statusCode, string? reasonPhrase = null, string? toTag = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var builder = SipMessageBuilder.ForResponse(statusCode, reasonPhrase);
        for (var i = 0; i < request.HeaderCount; i++)
        {
            var h = request.GetHeader(i);
            switch (h.Id)
            {
                case SipHeaderId.Via or SipHeaderId.From or SipHeaderId.CallId or SipHeaderId.CSeq:
                    builder.AddHeader(SipHeaderNames.GetCanonicalName(h.Id), h.Value);
                    break;
                case SipHeaderId.To:
                    AddTo(builder, h.Value, statusCode, toTag);
                    break;
                default:
                    break;
            }
        }

        return builder;
    }

    private static void AddTo(SipMessageBuilder builder, SipText value, int statusCode, string? toTag)
    {
        if (statusCode == 100 || HasTag(value))
        {
            builder.AddHeader("To", value);
            return;
        }

        toTag ??= Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        builder.AddHeader("To", $"{value};tag={toTag}");
    }

    private static bool HasTag(SipText value)
    {
        try
        {
            return SipNameAddress.Parse(value.Memory, 0).Tag is not null;
        }
        catch (SipParseException)
        {
            // A To header that does not parse gets no tag appended; the response echoes it as received.
            return true;
        }
    }
}
