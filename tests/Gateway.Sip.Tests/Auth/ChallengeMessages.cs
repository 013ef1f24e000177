using System.Text;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Tests.Auth;

/// <summary>Builds challenged responses and requests through the real builder and parser.</summary>
internal static class ChallengeMessages
{
    public static SipResponse Response(int status, params string[] challenges)
    {
        var header = status == 407 ? "Proxy-Authenticate" : "WWW-Authenticate";
        var builder = Base(SipMessageBuilder.ForResponse(status));
        foreach (var challenge in challenges)
        {
            builder.AddHeader(header, challenge);
        }

        return (SipResponse)builder.Build();
    }

    public static SipRequest Request(string method = "REGISTER", string uri = "sip:example.com", string? header = null, params string[] credentials)
    {
        var builder = Base(SipMessageBuilder.ForRequest(method, uri));
        foreach (var value in credentials)
        {
            builder.AddHeader(header ?? "Authorization", value);
        }

        return (SipRequest)builder.Build();
    }

    public static SipAuthCredentials Parse(string value) => SipAuthCredentials.Parse(Encoding.UTF8.GetBytes(value), 0);

    private static SipMessageBuilder Base(SipMessageBuilder builder) => builder
        .AddHeader("Via", "SIP/2.0/UDP 192.0.2.1:5060;branch=z9hG4bK776asdhds")
        .AddHeader("From", "<sip:alice@example.com>;tag=1928301774")
        .AddHeader("To", "<sip:alice@example.com>")
        .AddHeader("Call-ID", "a84b4c76e66710@192.0.2.1")
        .AddHeader("CSeq", "1 REGISTER");
}
