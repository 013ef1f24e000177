using System.Text.Json.Nodes;
using Gateway.Dsp.Tones;
using Gateway.Sip.UserAgent;

namespace Gateway.Telephony.Calls;

/// <content>How calls end: the far end's answer or BYE/CANCEL, our hang-up, card removal; the tone the user hears.</content>
internal sealed partial class StationCallController
{
    private void OnSipEnded(StationCall call, SipCallEnd end)
    {
        if (!ReferenceEquals(Call, call))
        {
            // We ended it first (on-hook, card removal); this is SIP catching up.
            return;
        }

        var wasConnected = call.State == StationCallState.Connected;
        var (cause, tone) = end.Reason switch
        {
            SipCallEndReason.RemoteHangUp => ("remote-hangup", wasConnected ? ToneKind.Busy : ToneKind.Reorder),
            SipCallEndReason.RemoteCancel => ("remote-cancel", ToneKind.Reorder),
            SipCallEndReason.AnsweredElsewhere => ("answered-elsewhere", ToneKind.Reorder),
            SipCallEndReason.LocalHangUp or SipCallEndReason.LocalCancel => ("local-hangup", ToneKind.Reorder),
            SipCallEndReason.Rejected when end.StatusCode is 486 or 600 or 603 => ("busy", ToneKind.Busy),
            SipCallEndReason.Rejected => ("rejected", ToneKind.Reorder),
            SipCallEndReason.AckTimeout => ("ack-timeout", ToneKind.Reorder),
            _ => ("failed", ToneKind.Reorder),
        };
        EndCall(call, cause, end.StatusCode, hangUp: false, tone);
    }

    /// <summary>Ends the station's call: events, media released, ringing stopped, and what the handset hears next.</summary>
    private void EndCall(StationCall call, string cause, int status, bool hangUp, ToneKind? tone)
    {
        var wasAlerting = call.State == StationCallState.Alerting;
        var media = call.MediaStatus();
        var data = new JsonObject
        {
            ["direction"] = call.Direction == CallDirection.Outbound ? "outbound" : "inbound",
            ["remote"] = call.RemoteParty,
            ["cause"] = cause,
            ["durationMs"] = call.DurationMs(_time.GetUtcNow()),
        };
        if (status != 0)
        {
            data["status"] = status;
        }

        if (media is not null)
        {
            data["codec"] = media.Codec;
            data["packetsSent"] = media.PacketsSent;
            data["packetsReceived"] = media.PacketsReceived;
            data["packetsLost"] = media.PacketsLost;
            data["jitterMs"] = media.JitterMs;
            data["concealedSamples"] = media.ConcealedSamples;
            data["concealmentEvents"] = media.ConcealmentEvents;
            data["jitterBufferDelay"] = media.JitterBufferDelay;
            data["jitterBufferEmittedCount"] = media.JitterBufferEmittedCount;
            data["insertedSamplesForDeceleration"] = media.InsertedSamplesForDeceleration;
            data["removedSamplesForAcceleration"] = media.RemovedSamplesForAcceleration;
        }

        call.State = StationCallState.Ended;
        Call = null;
        if (hangUp)
        {
            _ = HangUpQuietlyAsync(call.Sip);
        }

        if (call.Media is { } callMedia)
        {
            call.Media = null;
            _ = DisposeQuietlyAsync(callMedia);
        }

        if (wasAlerting)
        {
            _line.StopRinging();
        }

        _line.Publish("call.ended", data);
        if (_line.IsOffHook && tone is { } heard)
        {
            _telephony.Audio.PlayTone(heard);
            _line.ShowDisplay([EndText(cause), call.RemoteParty]);
            ArmOffHookWarning();
        }
        else
        {
            _telephony.Audio.StopTone();
            if (!_line.IsOffHook)
            {
                _line.ShowDisplay(ReadyText);
            }
        }
    }

    private static string EndText(string cause) => cause switch
    {
        "busy" => "Busy",
        "remote-hangup" => "Call ended",
        "card-removed" => "Card removed",
        "media-failed" => "No audio",
        _ => "Call failed",
    };
}
