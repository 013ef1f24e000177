using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;

namespace Gateway.Telephony.Calls;

/// <summary>Places calls on the network for a station: as the card's user, or as the box itself in pay-phone mode.</summary>
public interface IOutboundCallPlacer
{
    /// <summary>Sends the INVITE.</summary>
    /// <param name="stationId">The calling station.</param>
    /// <param name="dialled">The number after the dial plan's substitutions.</param>
    /// <param name="account">The card user the call is billed to, or null for the box itself (emergency and free numbers).</param>
    /// <param name="offerSdp">The SDP offer.</param>
    /// <returns>The call; its tasks report progress.</returns>
    SipOutgoingCall Place(string stationId, string dialled, FollowMeAccount? account, string offerSdp);
}
