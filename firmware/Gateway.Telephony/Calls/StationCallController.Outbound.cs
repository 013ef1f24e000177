using System.Text;
using System.Text.Json.Nodes;
using Gateway.Dsp.Tones;
using Gateway.Media.Sessions;
using Gateway.Sip.UserAgent;

namespace Gateway.Telephony.Calls;

/// <content>Placing a call: pay-phone check, offer, INVITE, ringback, answer.</content>
internal sealed partial class StationCallController
{
    private void Place(string number)
    {
        if (!_line.IsOffHook)
        {
            return;
        }

        var account = CurrentAccount;
        if (account is null && !_telephony.PayPhone.IsAllowed(number))
        {
            _line.Publish("call.refused", new JsonObject { ["to"] = number, ["reason"] = "no-card" });
            Fail(ToneKind.Reorder, ["Insert card", number]);
            return;
        }

        ICallMedia? media = null;
        SipOutgoingCall sip;
        try
        {
            media = _telephony.Audio.CreateCallMedia(Codecs(account));
            sip = _telephony.Placer.Place(_line.Id, number, account, media.CreateOffer());
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Network or media not ready (no registration, no socket): the caller hears reorder, nothing crashes.
            LogPlaceFailed(ex, number);
            if (media is not null)
            {
                _ = DisposeQuietlyAsync(media);
            }

            _line.Publish("call.refused", new JsonObject { ["to"] = number, ["reason"] = "failed" });
            Fail(ToneKind.Reorder, ["Call failed", number]);
            return;
        }

        sip.SessionHandler = new MediaSessionHandler(media);
        var call = new StationCall(CallDirection.Outbound, number, account, sip, StationCallState.Calling) { Media = media };
        Call = call;
        _line.Publish("call.outgoing", new JsonObject
        {
            ["to"] = number,
            ["forUser"] = account?.DisplayName,
            ["forNumber"] = account?.FollowMeNumber,
        });
        _line.ShowDisplay(["Calling", number]);
        _ = ObserveOutgoingAsync(call, sip);
    }

    private async Task ObserveOutgoingAsync(StationCall call, SipOutgoingCall sip)
    {
        try
        {
            // One sequence per call keeps ringing → answered → ended in order on the station's loop.
            await Task.WhenAny(sip.Ringing, sip.Ended).ConfigureAwait(false);
            if (sip.Ringing.IsCompleted && !sip.Connected.IsCompleted)
            {
                _line.Post(() => OnRemoteRinging(call));
            }

            await Task.WhenAny(sip.Connected, sip.Ended).ConfigureAwait(false);
            if (sip.Connected.IsCompleted)
            {
                _line.Post(() => OnRemoteAnswered(call, sip));
            }

            var end = await sip.Ended.ConfigureAwait(false);
            _line.Post(() => OnSipEnded(call, end));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogObserveFailed(ex, sip.CallId);
        }
    }

    private void OnRemoteRinging(StationCall call)
    {
        if (!ReferenceEquals(Call, call) || call.State != StationCallState.Calling)
        {
            return;
        }

        call.State = StationCallState.RemoteRinging;
        _telephony.Audio.PlayTone(ToneKind.Ringback);
        _line.Publish("call.ringing", new JsonObject { ["direction"] = "outbound", ["to"] = call.RemoteParty });
        _line.ShowDisplay(["Ringing", call.RemoteParty]);
    }

    private void OnRemoteAnswered(StationCall call, SipOutgoingCall sip)
    {
        if (!ReferenceEquals(Call, call) || call.State is StationCallState.Connected or StationCallState.Ended || call.Media is not { } media)
        {
            return;
        }

        CallMediaNegotiation outcome;
        try
        {
            var answer = sip.LastResponse is { StatusCode: >= 200 and < 300 } ok ? Encoding.UTF8.GetString(ok.Body.Span) : string.Empty;
            outcome = media.ApplyAnswer(answer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            outcome = CallMediaNegotiation.Fail(ex.Message);
        }

        if (!outcome.Succeeded)
        {
            // The far end answered with SDP we cannot use: BYE rather than a silent call.
            _line.Publish("call.media-failed", new JsonObject { ["error"] = outcome.Error });
            EndCall(call, "media-failed", 0, hangUp: true, tone: ToneKind.Reorder);
            return;
        }

        _telephony.Audio.StopTone();
        Connected(call, outcome.Codec);
    }

    private void Connected(StationCall call, string? codec)
    {
        call.SetConnected(_time.GetUtcNow(), codec);
        _line.Publish("call.answered", new JsonObject
        {
            ["direction"] = call.Direction == CallDirection.Outbound ? "outbound" : "inbound",
            ["remote"] = call.RemoteParty,
            ["codec"] = codec,
        });
        _line.ShowDisplay(["Connected", call.RemoteParty]);
    }
}
