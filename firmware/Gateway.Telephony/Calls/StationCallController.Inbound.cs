using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Media.Sessions;
using Gateway.Sip.Dialogs;
using Gateway.Sip.UserAgent;
using Gateway.SmartCard;
using Gateway.Telephony.Accounts;

namespace Gateway.Telephony.Calls;

/// <content>Taking a call: card present, busy, call filter, offer, ring with the user's cadence, answer.</content>
internal sealed partial class StationCallController
{
    private const string SdpType = "application/sdp";
    private static readonly SearchValues<char> s_unsafeInUri = SearchValues.Create("<>\"\r\n\t ");

    /// <summary>A new INVITE for <paramref name="account"/>, already routed to this station.</summary>
    public void OnOffer(SipIncomingCall incoming, FollowMeAccount account)
    {
        var caller = IncomingCallerId.From(incoming.Request);
        var localNow = _time.GetLocalNow();
        if (account.IsWiped || !_accounts.Contains(account))
        {
            // The card is out (or this account was never here): a call must not ring for a user who left.
            Refuse(incoming, 480, "no-card", caller, account);
            return;
        }

        if (Call is not null || IsDialling || _line.IsOffHook)
        {
            Refuse(incoming, 486, "busy", caller, account);
            return;
        }

        var decision = CallFilter.Evaluate(account.Profile, caller.Number, localNow.DateTime);
        if (decision.Action != FilterAction.Ring)
        {
            var status = decision.Action switch
            {
                FilterAction.Reject => 603,
                FilterAction.RejectBusy => 486,
                _ => AnswerUnreachable(incoming, account, decision),
            };
            if (decision.Action is FilterAction.Reject or FilterAction.RejectBusy)
            {
                incoming.Reject(status);
            }

            _line.Publish("call.filtered", new JsonObject
            {
                ["action"] = decision.Action == FilterAction.RejectBusy ? "reject-busy" : decision.Action.ToString().ToLowerInvariant(),
                ["status"] = status,
                ["rule"] = decision.RuleIndex,
                ["from"] = caller.Number,
                ["forUser"] = account.DisplayName,
                ["forNumber"] = account.FollowMeNumber,
            });
            return;
        }

        if (!TryAnswerOffer(incoming, account, out var media, out var negotiation))
        {
            Refuse(incoming, 488, "media", caller, account);
            return;
        }

        if (!incoming.Ring())
        {
            // CANCELled before we got here.
            _ = DisposeQuietlyAsync(media);
            return;
        }

        incoming.SessionHandler = new MediaSessionHandler(media);
        var call = new StationCall(CallDirection.Inbound, caller.Display, account, incoming, StationCallState.Alerting)
        {
            Media = media,
            AnswerSdp = negotiation.Sdp,
            NegotiatedCodec = negotiation.Codec,
        };
        Call = call;
        _line.Publish("call.incoming", new JsonObject
        {
            ["from"] = caller.Number ?? "anonymous",
            ["fromName"] = caller.Name,
            ["forUser"] = account.DisplayName,
            ["forNumber"] = account.FollowMeNumber,
        });
        var cadence = _telephony.Cadences.Select(account.Profile.RingCadence, caller.AlertInfo);
        _line.Ring(cadence);
        _line.Publish("call.ringing", new JsonObject { ["direction"] = "inbound", ["cadence"] = cadence.Name });
        _telephony.Audio.SendCallerId(caller.Number ?? string.Empty, caller.Name, localNow);
        _line.ShowDisplay([caller.Display, account.DisplayName + " " + account.FollowMeNumber]);
        _ = ObserveIncomingAsync(call, incoming);
    }

    private bool TryAnswerOffer(SipIncomingCall incoming, FollowMeAccount account, out ICallMedia media, out CallMediaNegotiation negotiation)
    {
        media = null!;
        negotiation = CallMediaNegotiation.Fail("no SDP offer");
        if (incoming.Offer is null)
        {
            // Late offer (RFC 3261 §13.2.1): our 200 will carry the offer and the ACK the answer; see AnswerLateOffer.
            try
            {
                media = _telephony.Audio.CreateCallMedia(Codecs(account));
                negotiation = CallMediaNegotiation.Fail("late offer: the answer comes with the ACK");
                return true;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogMediaFailed(ex, "CreateCallMedia");
                return false;
            }
        }

        if (!incoming.Offer.ContentType.StartsWith(SdpType, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        ICallMedia? created = null;
        try
        {
            created = _telephony.Audio.CreateCallMedia(Codecs(account));
            negotiation = created.AnswerOffer(new UTF8Encoding(false, true).GetString(incoming.Offer.Content.Span));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMediaFailed(ex, "AnswerOffer");
            negotiation = CallMediaNegotiation.Fail(ex.Message);
        }

        if (negotiation is { Succeeded: true, Sdp: not null } && created is not null)
        {
            media = created;
            return true;
        }

        if (created is not null)
        {
            _ = DisposeQuietlyAsync(created);
        }

        return false;
    }

    private void Refuse(SipIncomingCall incoming, int status, string reason, IncomingCallerId caller, FollowMeAccount account)
    {
        LogRefused(incoming.CallId, status, reason);
        incoming.Reject(status);
        _line.Publish("call.refused", new JsonObject
        {
            ["status"] = status,
            ["reason"] = reason,
            ["from"] = caller.Number ?? "anonymous",
            ["forUser"] = account.DisplayName,
            ["forNumber"] = account.FollowMeNumber,
        });
    }

    /// <summary>Redirects a call the user will not take (forward, voicemail) with 302, else answers 480.</summary>
    /// <returns>The status sent.</returns>
    private static int AnswerUnreachable(SipIncomingCall incoming, FollowMeAccount account, CallFilterDecision decision)
    {
        if (decision.Action is FilterAction.Forward or FilterAction.Voicemail && RedirectUri(decision.Target, account.Aor) is { } target)
        {
            incoming.Redirect(302, target);
            return 302;
        }

        incoming.Reject(480);
        return 480;
    }

    /// <summary>A forward number becomes a SIP URI in the user's domain; a URI is used as it is; anything else is refused.</summary>
    private static string? RedirectUri(string? target, string aor)
    {
        if (string.IsNullOrWhiteSpace(target) || target.AsSpan().IndexOfAny(s_unsafeInUri) >= 0)
        {
            return null;
        }

        if (target.StartsWith("sip:", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("sips:", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
        {
            return target;
        }

        var at = aor.IndexOf('@', StringComparison.Ordinal);
        var domain = at >= 0 ? aor[(at + 1)..].Split(';', 2)[0] : null;
        return string.IsNullOrEmpty(domain) || !target.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#')
            ? null
            : "sip:" + target + "@" + domain;
    }

    private async Task ObserveIncomingAsync(StationCall call, SipIncomingCall incoming)
    {
        try
        {
            var end = await incoming.Ended.ConfigureAwait(false);
            _line.Post(() => OnSipEnded(call, end));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogObserveFailed(ex, incoming.CallId);
        }
    }

    private void Answer(StationCall call)
    {
        _line.StopRinging();
        var incoming = (SipIncomingCall)call.Sip;
        if (incoming.Offer is null)
        {
            AnswerLateOffer(call, incoming);
            return;
        }

        var answer = new SipBodyContent(Encoding.UTF8.GetBytes(call.AnswerSdp ?? string.Empty), SdpType);
        if (!incoming.Accept(answer))
        {
            // Glare with the caller's CANCEL: it won, the handset is up on nothing.
            EndCall(call, "remote-cancel", 0, hangUp: false, tone: Dsp.Tones.ToneKind.Reorder);
            return;
        }

        try
        {
            call.Media?.Start();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            LogMediaFailed(ex, "Start");
            EndCall(call, "media-failed", 0, hangUp: true, tone: Dsp.Tones.ToneKind.Reorder);
            return;
        }

        _telephony.Audio.StopTone();
        Connected(call, call.NegotiatedCodec);
    }
}
