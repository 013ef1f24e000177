using System.Security.Cryptography;
using Gateway.Sip.Auth;
using Gateway.Sip.Dialogs;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.UserAgent;

/// <summary>
/// A call we place (UAC INVITE, RFC 3261 §13.2): early dialogs from 1xx with a To tag, the first 2xx
/// confirms and is ACKed (again for each retransmission), a 2xx from another fork is ACKed and BYEd,
/// <see cref="Cancel"/> before the final answer, one digest retry on 401/407, optional 3xx following.
/// </summary>
public sealed class SipOutgoingCall : SipCall, ISipClientTransactionUser
{
    private readonly SipBodyContent? _offer;
    private readonly SipCallOptions _identity;
    private readonly string _contact;
    private readonly string _fromTag = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
    private readonly Dictionary<string, SipRequest> _acks = new(StringComparer.Ordinal);
    private SipRequest _invite = null!;
    private ClientInviteTransaction? _transaction;
    private SipEndPoint _destination;
    private uint _sequence;
    private readonly RedirectPolicy _redirects;
    private bool _authTried;
    private bool _provisional;
    private bool _cancelRequested;
    private bool _cancelSent;
    private bool _answered;
    private string? _confirmedTag;

    internal SipOutgoingCall(SipUserAgent agent, string target, SipBodyContent? offer, SipCallOptions identity)
        : base(agent, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12)) + "@gateway")
    {
        Target = target;
        _offer = offer;
        _identity = identity;
        _contact = identity.ContactValue(agent.Local);
        _redirects = new RedirectPolicy(agent.Options.MaxRedirects, target);
    }

    /// <summary>The URI called (the latest after redirects).</summary>
    public string Target { get; private set; }

    /// <summary>How many INVITEs this call sent (1 plus digest retries and redirects).</summary>
    public int Attempts { get; private set; }

    /// <summary>The last provisional or final response received, or null.</summary>
    public SipResponse? LastResponse { get; private set; }

    /// <summary>Cancels the call before the final answer (CANCEL is sent once a provisional arrived, §9.1).</summary>
    /// <returns>False when the call is already connected or over.</returns>
    public bool Cancel()
    {
        lock (Gate)
        {
            // _answered closes the gap between taking a 2xx and reaching Connected.
            if (State is SipCallState.Connected or SipCallState.Ended || _answered || _cancelRequested)
            {
                return false;
            }

            _cancelRequested = true;
        }

        TrySendCancel();
        return true;
    }

    /// <inheritdoc/>
    public override async Task<SipResponse?> HangUpAsync()
    {
        if (Cancel())
        {
            await Ended.ConfigureAwait(false);
            return LastResponse;
        }

        var bye = SendByeAsync();
        End(new SipCallEnd(SipCallEndReason.LocalHangUp));
        return await bye.ConfigureAwait(false);
    }

    void ISipClientTransactionUser.OnResponse(ClientTransaction transaction, SipResponse response)
    {
        var code = response.StatusCode;
        if (code is >= 200 and < 300)
        {
            OnSuccess(transaction.Request, response);
            return;
        }

        lock (Gate)
        {
            if (!ReferenceEquals(transaction.Request, _invite) || State == SipCallState.Ended)
            {
                return;
            }

            _transaction = (ClientInviteTransaction)transaction;
            LastResponse = response;
            if (code < 200)
            {
                _provisional = true;
            }
        }

        if (code < 200)
        {
            OnProvisional(response);
        }
        else
        {
            OnFailure(transaction, response);
        }
    }

    internal void Start()
    {
        SendInvite(Target, []);
    }

    private void SendInvite(string target, IReadOnlyList<KeyValuePair<string, string>> credentials)
    {
        SipRequest invite;
        lock (Gate)
        {
            _sequence++;
            Attempts++;
            Target = target;
            invite = SipInviteFactory.Create(Agent, CallId, _fromTag, target, _sequence, _offer, credentials, _identity);
            _invite = invite;
            _transaction = null;
            _provisional = false;
        }

        try
        {
            var destination = Agent.ResolveDestination(invite, inDialog: false);
            lock (Gate)
            {
                _destination = destination;
            }

            Agent.Layer.SendRequest(invite, destination, this);
        }
        catch (InvalidOperationException)
        {
            End(new SipCallEnd(SipCallEndReason.Failed, 503));
        }
    }

    private void OnProvisional(SipResponse response)
    {
        if (response.StatusCode > 100 && response.To?.Tag is not null)
        {
            SetDialog(Dialogs.Dialog.CreateUac(_invite, response, _contact));
            SetState(SipCallState.Ringing);
        }

        TrySendCancel();
    }

    private void OnSuccess(SipRequest invite, SipResponse response)
    {
        var tag = response.To?.Tag;
        if (tag is null)
        {
            // A 2xx without a To tag cannot form a dialog, so there is nothing to ACK or BYE.
            return;
        }

        bool first, ended, cancelled;
        SipRequest? resend;
        lock (Gate)
        {
            LastResponse = response;
            first = _confirmedTag is null && ReferenceEquals(invite, _invite);
            ended = State == SipCallState.Ended;
            cancelled = _cancelRequested;
            _acks.TryGetValue(tag, out resend);
            if (first)
            {
                _confirmedTag = tag;
                _answered = !ended && !cancelled;
            }
        }

        if (resend is not null)
        {
            // A retransmitted 2xx: our ACK was lost (§13.2.2.4).
            Agent.SendAck(resend);
            return;
        }

        var current = Dialog;
        var dialog = first && current is not null && current.Id.RemoteTag == tag ? current : Dialogs.Dialog.CreateUac(invite, response, _contact);
        dialog.Confirm(response);
        var ack = dialog.CreateRequest("ACK", Agent.Local.NewVia(), ackSequence: invite.CSeq!.Number, extraHeaders: Agent.CommonHeaders);
        lock (Gate)
        {
            _acks[tag] = ack;
        }

        Agent.SendAck(ack);
        if (!first || ended || cancelled)
        {
            // Another fork answered, or we no longer want the call: ACK, then BYE (§13.2.2.4, §15).
            var bye = dialog.CreateRequest("BYE", Agent.Local.NewVia(), extraHeaders: Agent.CommonHeaders);
            Agent.Send(bye, new SipRequestCompletion(), inDialog: true);
            if (first)
            {
                End(new SipCallEnd(SipCallEndReason.LocalCancel, response.StatusCode));
            }

            return;
        }

        ReplaceDialog(dialog);
        SetState(SipCallState.Connected);
    }

    private void OnFailure(ClientTransaction transaction, SipResponse response)
    {
        var code = response.StatusCode;
        var authenticator = _identity.Authenticator ?? Agent.Options.Authenticator;
        bool retryAuth;
        string? next = null;
        lock (Gate)
        {
            retryAuth = code is 401 or 407 && authenticator is not null && !_authTried && !_cancelRequested;
            _authTried |= retryAuth;
            if (code is >= 300 and < 400 && !_cancelRequested)
            {
                next = _redirects.Next(response);
                _authTried &= next is null;
            }
        }

        if (retryAuth)
        {
            _ = RetryWithCredentialsAsync(authenticator!, response, transaction.Request);
            return;
        }

        if (next is not null)
        {
            SendInvite(next, []);
            return;
        }

        var reason = transaction.Failure != SipTransactionFailure.None ? SipCallEndReason.Failed
            : _cancelRequested && code == 487 ? SipCallEndReason.LocalCancel
            : SipCallEndReason.Rejected;
        End(new SipCallEnd(reason, code));
    }

    private async Task RetryWithCredentialsAsync(DigestAuthenticator authenticator, SipResponse challenge, SipRequest challenged)
    {
        try
        {
            var decision = await authenticator.AuthorizeAsync(challenge, challenged, CancellationToken.None).ConfigureAwait(false);
            if (decision.Outcome != DigestOutcome.Retry)
            {
                End(new SipCallEnd(SipCallEndReason.Rejected, challenge.StatusCode));
                return;
            }

            var credentials = decision.HeaderValues.Select(v => new KeyValuePair<string, string>(decision.HeaderName, v)).ToArray();
            SendInvite(Target, credentials);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            End(new SipCallEnd(SipCallEndReason.Failed, challenge.StatusCode));
        }
    }

    private void TrySendCancel()
    {
        ClientInviteTransaction transaction;
        lock (Gate)
        {
            if (!_cancelRequested || _cancelSent || !_provisional || _transaction is null || State is SipCallState.Connected or SipCallState.Ended)
            {
                return;
            }

            _cancelSent = true;
            transaction = _transaction;
        }

        Agent.Layer.SendRequest(transaction.CreateCancel(), _destination, new SipRequestCompletion());
    }
}
