using System.Globalization;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;

namespace Gateway.Sip.UserAgent;

/// <summary>Builds the out-of-dialog INVITE of an outgoing call (RFC 3261 §8.1.1, §13.2.1).</summary>
internal static class SipInviteFactory
{
    public static SipRequest Create(SipUserAgent agent, string callId, string fromTag, string target, uint sequence, SipBodyContent? offer, IReadOnlyList<KeyValuePair<string, string>> credentials, SipCallOptions identity)
    {
        var builder = SipMessageBuilder.ForRequest("INVITE", target);
        builder.AddHeader("Via", agent.Local.NewVia());
        builder.AddHeader("Max-Forwards", "70");
        builder.AddHeader("From", $"{identity.FromValue(agent.Local)};tag={fromTag}");
        builder.AddHeader("To", $"<{target}>");
        builder.AddHeader("Call-ID", callId);
        builder.AddHeader("CSeq", sequence.ToString(CultureInfo.InvariantCulture) + " INVITE");
        builder.AddHeader("Contact", identity.ContactValue(agent.Local));
        builder.AddHeader("Allow", string.Join(", ", SipUserAgent.Capabilities.Methods.Order(StringComparer.Ordinal)));
        foreach (var (name, value) in agent.CommonHeaders.Concat(identity.Headers).Concat(credentials))
        {
            builder.AddHeader(name, value);
        }

        if (offer is not null)
        {
            builder.SetBody(offer.Content, offer.ContentType);
        }

        return (SipRequest)builder.Build();
    }
}
