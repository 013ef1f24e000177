using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// One call (an INVITE usage of a dialog), either direction. This part handles the confirmed dialog:
/// BYE both ways, re-INVITE both ways (491 on glare), OPTIONS in the dialog. State changes complete
/// the <see cref="Ringing"/>, <see cref="Connected"/> and <see cref="Ended"/> tasks.
/// </summary>
public abstract class SipCall : IDialogUsage
{
    private readonly TaskCompletionSource _ringing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<SipCallEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Dialog? _dialog;
    private readonly ReInviteSession _reInvites;

    private protected SipCall(SipUserAgent agent, string callId)
    {
        Agent = agent;
        CallId = callId;
        SessionHandler = agent.Options.SessionHandler;
        _reInvites = new ReInviteSession(this, agent);
    }

    /// <summary>The Call-ID.</summary>
    public string CallId { get; }

    /// <summary>The current state.</summary>
    public SipCallState State { get; private set; }

    /// <summary>The (early or confirmed) dialog, or null before one exists.</summary>
    public Dialog? Dialog
    {
        get
        {
            lock (Gate)
            {
                return _dialog;
            }
        }
    }

    /// <summary>Answers re-INVITE offers; null refuses them with 488.</summary>
    public ISipSessionHandler? SessionHandler { get; set; }

    /// <summary>Completes when the call reaches Ringing (an early dialog exists).</summary>
    public Task Ringing => _ringing.Task;

    /// <summary>Completes when the call is connected.</summary>
    public Task Connected => _connected.Task;

    /// <summary>Completes when the call ends, with why.</summary>
    public Task<SipCallEnd> Ended => _ended.Task;

    Dialog IDialogUsage.Dialog => Dialog ?? throw new InvalidOperationException("no dialog yet");

    private protected Lock Gate { get; } = new();

    private protected SipUserAgent Agent { get; }

    /// <summary>Ends the call from our side: BYE when connected, otherwise CANCEL (outgoing) or 603 (incoming).</summary>
    /// <returns>The final response to the BYE or CANCEL, or null when nothing was sent.</returns>
    public abstract Task<SipResponse?> HangUpAsync();

    /// <summary>Sends a re-INVITE (hold, resume) with an offer; a 2xx is ACKed and refreshes the remote target.</summary>
    /// <param name="offer">The new offer.</param>
    /// <returns>The final response (491 on glare: retry later as §14.1 says).</returns>
    /// <exception cref="InvalidOperationException">The call is not connected or a re-INVITE is already in progress.</exception>
    public Task<SipResponse> ReInviteAsync(SipBodyContent offer)
    {
        ArgumentNullException.ThrowIfNull(offer);
        Dialog dialog;
        lock (Gate)
        {
            if (State != SipCallState.Connected || _dialog is null)
            {
                throw new InvalidOperationException($"cannot re-INVITE in state {State}");
            }

            dialog = _dialog;
        }

        return _reInvites.Send(dialog, offer);
    }

    /// <summary>Sends OPTIONS inside the dialog (a keep-alive check of the peer).</summary>
    /// <returns>The final response.</returns>
    public Task<SipResponse> SendOptionsAsync()
    {
        var dialog = Dialog ?? throw new InvalidOperationException("no dialog");
        var options = dialog.CreateRequest("OPTIONS", Agent.Local.NewVia(), extraHeaders: Agent.CommonHeaders);
        var completion = new SipRequestCompletion();
        Agent.Send(options, completion, inDialog: true);
        return completion.Final;
    }

    void IDialogUsage.OnInDialogRequest(ServerTransaction transaction) => OnInDialogRequest(transaction);

    void IDialogUsage.OnInDialogAck(SipRequest ack) => OnAck(ack);

    /// <inheritdoc/>
    public override string ToString() => $"call {CallId} {State}";

    private protected virtual void OnAck(SipRequest ack) => _reInvites.OnAck();

    /// <summary>The peer sent BYE; subclasses end any pending INVITE first.</summary>
    private protected virtual void OnBye(ServerTransaction transaction)
    {
        transaction.Respond(200);
        End(new SipCallEnd(SipCallEndReason.RemoteHangUp));
    }

    /// <summary>A re-INVITE found the dialog gone (408/481, §12.2.1.2): BYE and end.</summary>
    internal void OnDialogLost(int statusCode)
    {
        _ = SendByeAsync();
        End(new SipCallEnd(SipCallEndReason.Failed, statusCode));
    }

    /// <summary>A 2xx to an INVITE we sent was not ACKed (timer L): BYE, then end (§13.3.1.4).</summary>
    internal void OnAckTimeout()
    {
        _ = SendByeAsync();
        End(new SipCallEnd(SipCallEndReason.AckTimeout));
    }

    private protected void SetDialog(Dialog dialog)
    {
        lock (Gate)
        {
            _dialog ??= dialog;
        }

        Agent.Dialogs.TryAdd(this);
    }

    /// <summary>The 2xx came from another fork than the early dialog we had: that one is dropped.</summary>
    private protected void ReplaceDialog(Dialog dialog)
    {
        Dialog? old;
        lock (Gate)
        {
            old = _dialog;
            _dialog = dialog;
        }

        if (old is not null && !ReferenceEquals(old, dialog))
        {
            old.Terminate();
            Agent.Dialogs.Remove(old.Id, this);
        }

        Agent.Dialogs.TryAdd(this);
    }

    private protected bool SetState(SipCallState state)
    {
        lock (Gate)
        {
            if (State == SipCallState.Ended || State >= state)
            {
                return false;
            }

            State = state;
        }

        if (state == SipCallState.Ringing)
        {
            _ringing.TrySetResult();
        }
        else if (state == SipCallState.Connected)
        {
            _ringing.TrySetResult();
            _connected.TrySetResult();
        }

        return true;
    }

    private protected bool End(SipCallEnd end)
    {
        Dialog? dialog;
        lock (Gate)
        {
            if (State == SipCallState.Ended)
            {
                return false;
            }

            State = SipCallState.Ended;
            dialog = _dialog;
        }

        if (dialog is not null)
        {
            dialog.Terminate();
            Agent.Dialogs.Remove(this);
        }

        Agent.Forget(this);
        _ended.TrySetResult(end);
        return true;
    }

    private protected Task<SipResponse?> SendByeAsync()
    {
        var dialog = Dialog;
        if (dialog is null)
        {
            return Task.FromResult<SipResponse?>(null);
        }

        var bye = dialog.CreateRequest("BYE", Agent.Local.NewVia(), extraHeaders: Agent.CommonHeaders);
        var completion = new SipRequestCompletion();
        try
        {
            Agent.Send(bye, completion, inDialog: true);
        }
        catch (InvalidOperationException)
        {
            // The remote target cannot be resolved (no IP literal, no outbound proxy): the call ends locally anyway.
            return Task.FromResult<SipResponse?>(null);
        }

        return AsNullable(completion.Final);
    }

    private protected static async Task<SipResponse?> AsNullable(Task<SipResponse> task) => await task.ConfigureAwait(false);

    private void OnInDialogRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        switch (request.Method.ToString())
        {
            case "BYE":
                OnBye(transaction);
                break;
            case "INVITE":
                OnReInvite(transaction);
                break;
            case "OPTIONS":
                transaction.SendResponse(Agent.CreateOptionsResponse(transaction));
                break;
            default:
                transaction.SendResponse(SipUserAgent.CreateMethodNotAllowed(transaction));
                break;
        }
    }

    private void OnReInvite(ServerTransaction transaction)
    {
        Dialog? dialog;
        lock (Gate)
        {
            dialog = State == SipCallState.Connected ? _dialog : null;
        }

        if (dialog is null)
        {
            // An INVITE on an early dialog (we have not answered the first): §14.2 says 500 with Retry-After.
            transaction.SendResponse(SipUserAgent.CreateRetryLater(transaction));
            return;
        }

        _reInvites.Receive(transaction, dialog);
    }
}
