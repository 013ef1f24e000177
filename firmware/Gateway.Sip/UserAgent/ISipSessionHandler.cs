using Gateway.Sip.Dialogs;

namespace Gateway.Sip.UserAgent;

/// <summary>The media layer as the call sees it: it answers offers in re-INVITEs (hold, resume).</summary>
public interface ISipSessionHandler
{
    /// <summary>The peer sent a re-INVITE.</summary>
    /// <param name="sipCall">The call.</param>
    /// <param name="offer">Its body, or null for an offerless re-INVITE.</param>
    /// <returns>The answer for the 200, or null to refuse the offer (488).</returns>
    SipBodyContent? AnswerReInvite(SipCall sipCall, SipBodyContent? offer);
}
