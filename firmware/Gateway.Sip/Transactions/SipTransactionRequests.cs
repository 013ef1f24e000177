using System.Globalization;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>Requests a transaction derives from its INVITE: the ACK for a non-2xx (§17.1.1.3) and CANCEL (§9.1).</summary>
internal static class SipTransactionRequests
{
    public static SipRequest CreateAck(SipRequest invite, SipResponse response)
    {
        // The ACK's To is the response's To, so it carries the tag the UAS chose.
        response.TryGetValue(SipHeaderId.To, out var to);
        return Build("ACK", invite, to);
    }

    public static SipRequest CreateCancel(SipRequest invite)
    {
        invite.TryGetValue(SipHeaderId.To, out var to);
        return Build("CANCEL", invite, to);
    }

    private static SipRequest Build(string method, SipRequest invite, SipText to)
    {
        var builder = SipMessageBuilder.ForRequest(method, invite.RequestUriText.ToString());
        var number = invite.CSeq?.Number ?? 0;
        var viaDone = false;
        for (var i = 0; i < invite.HeaderCount; i++)
        {
            var h = invite.GetHeader(i);
            switch (h.Id)
            {
                case SipHeaderId.Via when !viaDone:
                    // Only the top Via, so the response to CANCEL and the ACK match the same branch.
                    var end = SipReceivedStamp.ElementEnd(h.Value.Span);
                    builder.AddHeader("Via", new SipText(h.Value.Memory[..end]));
                    viaDone = true;
                    break;
                case SipHeaderId.Route or SipHeaderId.From or SipHeaderId.CallId or SipHeaderId.MaxForwards:
                    builder.AddHeader(SipHeaderNames.GetCanonicalName(h.Id), h.Value);
                    break;
                case SipHeaderId.To:
                    builder.AddHeader("To", to);
                    break;
                case SipHeaderId.CSeq:
                    builder.AddHeader("CSeq", number.ToString(CultureInfo.InvariantCulture) + " " + method);
                    break;
                default:
                    break;
            }
        }

        return (SipRequest)builder.Build();
    }
}
