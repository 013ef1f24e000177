using System.Text;
using Gateway.Media.Sessions;
using Gateway.Sip.Dialogs;
using Gateway.Sip.UserAgent;

namespace Gateway.Telephony.Calls;

/// <summary>
/// Answers a call's re-INVITEs (hold, resume, address change) from its <see cref="ICallMedia"/>: the SDP crosses as
/// text; a failed negotiation, a non-SDP body or media already gone refuses the offer (488) and keeps the session.
/// </summary>
public sealed class MediaSessionHandler : ISipSessionHandler
{
    private const string SdpType = "application/sdp";
    private readonly ICallMedia _media;

    /// <summary>Initializes a new instance of the <see cref="MediaSessionHandler"/> class.</summary>
    /// <param name="media">The call's media.</param>
    public MediaSessionHandler(ICallMedia media)
    {
        _media = media ?? throw new ArgumentNullException(nameof(media));
    }

    /// <inheritdoc/>
    public SipBodyContent? AnswerReInvite(SipCall sipCall, SipBodyContent? offer)
    {
        string? offerSdp = null;
        if (offer is not null)
        {
            if (!offer.ContentType.StartsWith(SdpType, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            try
            {
                offerSdp = new UTF8Encoding(false, true).GetString(offer.Content.Span);
            }
            catch (DecoderFallbackException)
            {
                return null;
            }
        }

        CallMediaNegotiation outcome;
        try
        {
            outcome = _media.AnswerReInvite(offerSdp);
        }
        catch (ObjectDisposedException)
        {
            // The call ended while the re-INVITE was in flight.
            return null;
        }

        return outcome is { Succeeded: true, Sdp: { } sdp } ? new SipBodyContent(Encoding.UTF8.GetBytes(sdp), SdpType) : null;
    }
}
