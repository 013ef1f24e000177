using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// A call we received (UAS INVITE, RFC 3261 §13.3): <see cref="Ring"/>, <see cref="Accept"/> or
/// <see cref="Reject"/>. A CANCEL before our final answer gets 200 and the INVITE 487; a CANCEL that
/// loses the race against our 2xx gets only its 200 and the call stays up (§9.2).
/// </summary>
public sealed class SipIncomingCall : SipCall
{
    private readonly ServerInviteTransaction _transaction;
    private readonly TaskCompletionSource<SipBodyContent?> _acknowledged = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _finalSent;

    internal SipIncomingCall(SipUserAgent agent, ServerInviteTransaction transaction)
        : base(agent, transaction.Request.CallId!.Value.ToString())
    {
        _transaction = transaction;
        var request = transaction.Request;
        Offer = request.Body.IsEmpty ? null : new SipBodyContent(request.Body.ToArray(), request.ContentType?.ToString() ?? "application/sdp");
    }

    /// <summary>The INVITE.</summary>
    public SipRequest Request => _transaction.Request;

    /// <summary>The INVITE's body, or null.</summary>
    public SipBodyContent? Offer { get; }

    /// <summary>True once the caller ACKed our 2xx.</summary>
    public bool IsAcknowledged { get; private set; }

    /// <summary>
    /// Completes when the caller ACKs our 2xx, with the ACK's body: the SDP answer when the INVITE had no offer and
    /// our 2xx carried one (RFC 3261 §13.2.1), else usually null. It never completes when no ACK comes; the call
    /// then ends (Timer H/L), so wait on it together with <see cref="SipCall.Ended"/>.
    /// </summary>
    public Task<SipBodyContent?> Acknowledged => _acknowledged.Task;

    /// <summary>Sends a provisional with our tag and Contact (an early dialog), e.g. 180 Ringing or 183.</summary>
    /// <param name="statusCode">101 to 199.</param>
    /// <param name="body">An optional early-media body.</param>
    /// <returns>False when the call was already answered, cancelled or ended.</returns>
    public bool Ring(int statusCode = 180, SipBodyContent? body = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 101);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 199);
        lock (Gate)
        {
            if (_finalSent || State == SipCallState.Ended)
            {
                return false;
            }
        }

        SetDialog(Dialogs.Dialog.CreateUas(Request, _transaction.ToTag, Agent.Local.Contact, confirmed: false));
        SetState(SipCallState.Ringing);
        return TrySend(Agent.CreateInviteResponse(_transaction, statusCode, body));
    }

    /// <summary>Answers 200 with our Contact and the answer body; the transaction re-sends it until the ACK (RFC 6026).</summary>
    /// <param name="answer">The body (SDP answer), or null.</param>
    /// <returns>False when the call was already answered, cancelled or ended (e.g. a CANCEL won the race).</returns>
    public bool Accept(SipBodyContent? answer)
    {
        lock (Gate)
        {
            if (_finalSent || State == SipCallState.Ended)
            {
                return false;
            }

            _finalSent = true;
        }

        var existing = Dialog;
        if (existing is null)
        {
            SetDialog(Dialogs.Dialog.CreateUas(Request, _transaction.ToTag, Agent.Local.Contact, confirmed: true));
        }
        else
        {
            existing.Confirm();
        }

        SetState(SipCallState.Connected);
        return TrySend(Agent.CreateInviteResponse(_transaction, 200, answer));
    }

    /// <summary>Answers with a failure status and ends the call.</summary>
    /// <param name="statusCode">300 to 699.</param>
    /// <returns>False when a final answer was already sent.</returns>
    public bool Reject(int statusCode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 699);
        lock (Gate)
        {
            if (_finalSent)
            {
                return false;
            }

            _finalSent = true;
        }

        TrySend(_transaction.CreateResponse(statusCode));
        End(new SipCallEnd(SipCallEndReason.Rejected, statusCode));
        return true;
    }

    /// <summary>Answers with a redirect (e.g. 302) whose Contact is <paramref name="contactUri"/>, and ends the call (§8.3.1, §21.3).</summary>
    /// <param name="statusCode">300 to 399.</param>
    /// <param name="contactUri">Where the caller should try instead, e.g. "sip:+15551234@example.org".</param>
    /// <returns>False when a final answer was already sent.</returns>
    public bool Redirect(int statusCode, string contactUri)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(statusCode, 300);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(statusCode, 399);
        ArgumentException.ThrowIfNullOrWhiteSpace(contactUri);
        if (contactUri.AsSpan().IndexOfAny("<>\r\n") >= 0)
        {
            throw new ArgumentException("the Contact URI must be a bare URI", nameof(contactUri));
        }

        lock (Gate)
        {
            if (_finalSent)
            {
                return false;
            }

            _finalSent = true;
        }

        var builder = SipResponseFactory.CreateResponse(Request, statusCode, toTag: _transaction.ToTag);
        builder.AddHeader("Contact", "<" + contactUri + ">");
        TrySend((SipResponse)builder.Build());
        End(new SipCallEnd(SipCallEndReason.Rejected, statusCode));
        return true;
    }

    /// <inheritdoc/>
    public override async Task<SipResponse?> HangUpAsync()
    {
        if (Reject(603))
        {
            return null;
        }

        var bye = SendByeAsync();
        End(new SipCallEnd(SipCallEndReason.LocalHangUp));
        return await bye.ConfigureAwait(false);
    }

    /// <summary>True when <paramref name="transaction"/> is this call's initial INVITE (not a re-INVITE).</summary>
    internal bool IsInitialInvite(ServerInviteTransaction transaction) => ReferenceEquals(transaction, _transaction);

    internal void OnCancel(ServerNonInviteTransaction cancel)
    {
        bool cancelled;
        lock (Gate)
        {
            cancelled = !_finalSent;
            _finalSent = true;
        }

        // §9.2: the CANCEL's response carries the To tag of the INVITE's responses.
        cancel.SendResponse(SipUserAgent.CreateCancelResponse(cancel, _transaction));
        if (cancelled)
        {
            TrySend(_transaction.CreateResponse(487));
            var reason = CancelReason.IsAnsweredElsewhere(cancel.Request) ? SipCallEndReason.AnsweredElsewhere : SipCallEndReason.RemoteCancel;
            End(new SipCallEnd(reason, 487));
        }
    }

    private protected override void OnAck(SipRequest ack)
    {
        base.OnAck(ack);
        if (ack.CSeq?.Number == Request.CSeq!.Number)
        {
            IsAcknowledged = true;
            _acknowledged.TrySetResult(ack.Body.IsEmpty ? null : new SipBodyContent(ack.Body.ToArray(), ack.ContentType?.ToString() ?? "application/sdp"));
        }
    }

    private protected override void OnBye(ServerTransaction transaction)
    {
        bool pending;
        lock (Gate)
        {
            pending = !_finalSent;
            _finalSent = true;
        }

        if (pending)
        {
            // BYE on the early dialog (§15.1.2): the INVITE still needs its final answer.
            TrySend(_transaction.CreateResponse(487));
        }

        base.OnBye(transaction);
    }

    private bool TrySend(SipResponse response)
    {
        try
        {
            _transaction.SendResponse(response);
            return true;
        }
        catch (InvalidOperationException)
        {
            // The transaction already ended (timer or transport failure).
            return false;
        }
    }
}
