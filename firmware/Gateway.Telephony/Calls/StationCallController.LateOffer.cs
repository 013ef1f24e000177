using System.Text;
using Gateway.Dsp.Tones;
using Gateway.Media.Sessions;
using Gateway.Sip.Dialogs;
using Gateway.Sip.UserAgent;

namespace Gateway.Telephony.Calls;

/// <content>
/// Answering an INVITE that carried no offer (RFC 3261 §13.2.1, sent by some PBXs and SBCs): the 200 carries our
/// offer and the ACK must carry the answer. Until that ACK the call is answered but has no audio; an ACK with no
/// usable answer ends it with BYE ("media-failed"), and a missing ACK ends it by the SIP layer's timer.
/// </content>
internal sealed partial class StationCallController
{
    private void AnswerLateOffer(StationCall call, SipIncomingCall incoming)
    {
        string offer;
        try
        {
            offer = call.Media!.CreateOffer();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMediaFailed(ex, "CreateOffer");
            incoming.Reject(500);
            EndCall(call, "media-failed", 500, hangUp: false, tone: ToneKind.Reorder);
            return;
        }

        if (!incoming.Accept(new SipBodyContent(Encoding.UTF8.GetBytes(offer), SdpType)))
        {
            EndCall(call, "remote-cancel", 0, hangUp: false, tone: ToneKind.Reorder);
            return;
        }

        call.State = StationCallState.Answering;
        _telephony.Audio.StopTone();
        _ = AwaitLateAnswerAsync(call, incoming);
    }

    private async Task AwaitLateAnswerAsync(StationCall call, SipIncomingCall incoming)
    {
        try
        {
            var first = await Task.WhenAny(incoming.Acknowledged, incoming.Ended).ConfigureAwait(false);
            if (first == incoming.Acknowledged)
            {
                var body = await incoming.Acknowledged.ConfigureAwait(false);
                _line.Post(() => ApplyLateAnswer(call, body));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogObserveFailed(ex, incoming.CallId);
        }
    }

    private void ApplyLateAnswer(StationCall call, SipBodyContent? body)
    {
        if (!ReferenceEquals(Call, call) || call.Media is not { } media)
        {
            // On-hook or the caller's BYE got here first.
            return;
        }

        var negotiation = CallMediaNegotiation.Fail("the ACK carried no SDP answer");
        if (body is { } answer && answer.ContentType.StartsWith(SdpType, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                negotiation = media.ApplyAnswer(new UTF8Encoding(false, true).GetString(answer.Content.Span));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogMediaFailed(ex, "ApplyAnswer");
                negotiation = CallMediaNegotiation.Fail(ex.Message);
            }
        }

        if (!negotiation.Succeeded)
        {
            EndCall(call, "media-failed", 0, hangUp: true, tone: ToneKind.Reorder);
            return;
        }

        Connected(call, negotiation.Codec);
    }
}
