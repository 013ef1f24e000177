using Gateway.Sip.Auth;
using Gateway.Sip.Transport;

namespace Gateway.Sip.UserAgent;

/// <summary>Settings of a <see cref="SipUserAgent"/>.</summary>
public sealed class SipUserAgentOptions
{
    /// <summary>Our transport and address: the Via sent-by and the Contact host.</summary>
    public required SipEndPoint Local { get; init; }

    /// <summary>The user part of our Contact and of our From URI.</summary>
    public string User { get; init; } = "gateway";

    /// <summary>The host part of our From URI (the domain of our address-of-record); the local IP when null.</summary>
    public string? Domain { get; init; }

    /// <summary>Next hop of every out-of-dialog request, e.g. the registrar/proxy. Null sends to the Request-URI's host.</summary>
    public SipEndPoint? OutboundProxy { get; init; }

    /// <summary>Answers 401/407 to an INVITE (one retry per request); null gives up on a challenge.</summary>
    public DigestAuthenticator? Authenticator { get; init; }

    /// <summary>How many 3xx redirects an outgoing call follows; 0 treats a 3xx as a failure.</summary>
    public int MaxRedirects { get; init; }

    /// <summary>The User-Agent / Server header value.</summary>
    public string Product { get; init; } = "Gateway.Sip";

    /// <summary>Answers re-INVITE offers on every call unless the call has its own.</summary>
    public ISipSessionHandler? SessionHandler { get; init; }
}
