using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// The re-INVITEs of one confirmed dialog (RFC 3261 §14): at most one in progress. Ours pending →
/// theirs gets 491 (glare); theirs being answered → another of theirs gets 500 with Retry-After.
/// </summary>
internal sealed class ReInviteSession(SipCall call, SipUserAgent agent)
{
    private readonly Lock _gate = new();
    private bool _outgoing;
    private bool _incoming;

    public Task<SipResponse> Send(Dialog dialog, SipBodyContent offer)
    {
        lock (_gate)
        {
            if (_outgoing || _incoming)
            {
                throw new InvalidOperationException("a re-INVITE is already in progress");
            }

            _outgoing = true;
        }

        var invite = dialog.CreateRequest("INVITE", agent.Local.NewVia(), offer, extraHeaders: agent.CommonHeaders);
        var completion = new SipRequestCompletion(response => OnFinal(dialog, invite, response));
        try
        {
            agent.Send(invite, completion, inDialog: true);
        }
        catch (InvalidOperationException)
        {
            ClearOutgoing();
            throw;
        }

        return completion.Final;
    }

    public void Receive(ServerTransaction transaction, Dialog dialog)
    {
        int refusal;
        lock (_gate)
        {
            refusal = _outgoing ? 491 : _incoming ? 500 : 0;
            _incoming |= refusal == 0;
        }

        if (refusal == 491)
        {
            transaction.Respond(491);
            return;
        }

        if (refusal == 500)
        {
            transaction.SendResponse(SipUserAgent.CreateRetryLater(transaction));
            return;
        }

        var request = transaction.Request;
        if (request.Contact is not { IsWildcard: false, Items.Count: > 0 })
        {
            Refuse(transaction, 400, "Bad Request (missing Contact)");
            return;
        }

        dialog.UpdateRemoteTarget(request);
        var offer = request.Body.IsEmpty ? null : new SipBodyContent(request.Body.ToArray(), request.ContentType?.ToString() ?? "application/sdp");
        SipBodyContent? answer;
        try
        {
            answer = call.SessionHandler?.AnswerReInvite(call, offer);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Refuse(transaction, 500);
            return;
        }

        if (answer is null)
        {
            Refuse(transaction, 488);
            return;
        }

        // Stays "incoming" until the ACK; a lost ACK ends the call through OnAckTimeout.
        agent.TrackInvite((ServerInviteTransaction)transaction, call);
        transaction.SendResponse(agent.CreateInviteResponse(transaction, 200, answer));
    }

    public void OnAck()
    {
        lock (_gate)
        {
            _incoming = false;
        }
    }

    private void Refuse(ServerTransaction transaction, int statusCode, string? reason = null)
    {
        OnAck();
        transaction.Respond(statusCode, reason);
    }

    private void ClearOutgoing()
    {
        lock (_gate)
        {
            _outgoing = false;
        }
    }

    private void OnFinal(Dialog dialog, SipRequest invite, SipResponse response)
    {
        if (response.StatusCode is >= 200 and < 300)
        {
            dialog.UpdateRemoteTarget(response);
            var ack = dialog.CreateRequest("ACK", agent.Local.NewVia(), ackSequence: invite.CSeq!.Number);
            agent.SendAck(ack);
        }

        ClearOutgoing();
        if (response.StatusCode is 408 or 481)
        {
            call.OnDialogLost(response.StatusCode);
        }
    }
}
