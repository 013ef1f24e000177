using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;

namespace Gateway.Telephony.Calls;

/// <summary>
/// A station as the incoming-call router sees it: the router has already found the one account the INVITE is for
/// (from its Request-URI); the station applies the account's call filter, rings, and answers.
/// </summary>
public interface IInboundCallTarget
{
    /// <summary>Gets the station id.</summary>
    string Id { get; }

    /// <summary>Offers a new call for <paramref name="account"/>. The target answers it (ring, accept, reject or redirect).</summary>
    /// <param name="incomingCall">The SIP call, not yet answered beyond 100 Trying.</param>
    /// <param name="account">The account it is for.</param>
    void OfferCall(SipIncomingCall incomingCall, FollowMeAccount account);
}
