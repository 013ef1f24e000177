using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.1 with RFC 6026. Proceeding: 100 Trying after <see cref="SipTimerSettings.TryingDelay"/>
/// unless the TU answered; a retransmitted INVITE re-sends the last provisional. A 300-699 final →
/// Completed (timer G re-sends on UDP until ACK, timer H gives up) → Confirmed (timer I) on ACK.
/// A 2xx → Accepted: the transaction re-sends the 2xx (T1 doubling to T2, §13.3.1.4, on every transport) until
/// the ACK arrives, passes every ACK to the TU, lets the TU send more 2xx, and ends at timer L.
/// </summary>
public sealed class ServerInviteTransaction : ServerTransaction
{
    private readonly TransactionTimer _trying;
    private readonly TransactionTimer _timerG;
    private readonly TransactionTimer _timerH;
    private readonly TransactionTimer _timerI;
    private readonly TransactionTimer _timerL;
    private readonly TransactionTimer _retransmit2xx;
    private SipResponse? _provisional;
    private SipResponse? _final;

    internal ServerInviteTransaction(SipTransactionLayer layer, SipRequest request, ISipTransport transport, IPEndPoint remote, string key, string dialogKey, bool isRfc3261)
        : base(layer, request, transport, remote, key)
    {
        DialogKey = dialogKey;
        IsRfc3261 = isRfc3261;
        _trying = CreateTimer(OnTrying);
        _timerG = CreateTimer(OnTimerG);
        _timerH = CreateTimer(OnTimerH);
        _timerI = CreateTimer(OnTimerI);
        _timerL = CreateTimer(OnTimerL);
        _retransmit2xx = CreateTimer(OnRetransmit2xx);
        State = SipTransactionState.Proceeding;
    }

    /// <summary>True once an ACK for the 2xx (Accepted) or the non-2xx (Confirmed) arrived.</summary>
    public bool IsAcknowledged { get; private set; }

    internal string DialogKey { get; }

    internal bool IsRfc3261 { get; }

    /// <inheritdoc/>
    public override void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = response.StatusCode;
        lock (Gate)
        {
            if (State == SipTransactionState.Accepted && code is >= 200 and < 300)
            {
                // RFC 6026 §7.1: the TU may send further 2xx (retransmissions, or its own) while Accepted.
                _final = response;
            }
            else if (State != SipTransactionState.Proceeding)
            {
                throw WrongState(code);
            }
            else
            {
                _trying.Stop();
                if (code < 200)
                {
                    _provisional = response;
                }
                else if (code < 300)
                {
                    State = SipTransactionState.Accepted;
                    _final = response;
                    _timerL.Start(Timers.Timeout64);

                    // §13.3.1.4 retransmits the 2xx on every transport: it is end-to-end, and a
                    // proxy's next hop may be UDP even when ours is TCP.
                    _retransmit2xx.Start(Timers.T1);
                }
                else
                {
                    State = SipTransactionState.Completed;
                    _final = response;
                    if (!IsReliable)
                    {
                        _timerG.Start(Timers.T1);
                    }

                    _timerH.Start(Timers.Timeout64);
                }
            }

            LastResponse = response;
        }

        Transmit(response.Raw);
    }

    internal void Start()
    {
        if (Timers.TryingDelay <= TimeSpan.Zero)
        {
            SendTrying();
            return;
        }

        lock (Gate)
        {
            _trying.Start(Timers.TryingDelay);
        }
    }

    internal override void ReceiveRetransmission(SipRequest request)
    {
        SipResponse? resend = null;
        var trying = false;
        lock (Gate)
        {
            if (State == SipTransactionState.Proceeding)
            {
                resend = _provisional;
                trying = resend is null;
            }
            else if (State == SipTransactionState.Completed)
            {
                resend = _final;
            }
        }

        if (trying)
        {
            SendTrying();
        }
        else if (resend is not null)
        {
            Transmit(resend.Raw);
        }
    }

    /// <summary>An ACK matched this transaction by branch (or RFC 2543 rules).</summary>
    /// <returns>True when the ACK acknowledges a 2xx and must go to the TU.</returns>
    internal bool ReceiveAck()
    {
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Completed:
                    IsAcknowledged = true;
                    State = SipTransactionState.Confirmed;
                    _timerG.Stop();
                    _timerH.Stop();
                    if (IsReliable)
                    {
                        TerminateLocked();
                    }
                    else
                    {
                        _timerI.Start(Timers.T4);
                    }

                    return false;
                case SipTransactionState.Accepted:
                    IsAcknowledged = true;
                    _retransmit2xx.Stop();
                    return true;
                default:
                    return false;
            }
        }
    }

    private void SendTrying()
    {
        SipResponse trying;
        lock (Gate)
        {
            if (State != SipTransactionState.Proceeding || _provisional is not null)
            {
                return;
            }

            _trying.Stop();
            trying = (SipResponse)SipResponseFactory.CreateResponse(Request, 100).Build();
            _provisional = trying;
            LastResponse = trying;
        }

        Transmit(trying.Raw);
    }

    private void OnTrying()
    {
        lock (Gate)
        {
            if (!_trying.TryConsume())
            {
                return;
            }
        }

        SendTrying();
    }

    private void OnTimerG()
    {
        SipResponse? resend;
        lock (Gate)
        {
            if (!_timerG.TryConsume() || State != SipTransactionState.Completed)
            {
                return;
            }

            _timerG.Start(Min(_timerG.Interval * 2, Timers.T2));
            resend = _final;
        }

        Transmit(resend!.Raw);
    }

    private void OnRetransmit2xx()
    {
        SipResponse? resend;
        lock (Gate)
        {
            if (!_retransmit2xx.TryConsume() || State != SipTransactionState.Accepted || IsAcknowledged)
            {
                return;
            }

            _retransmit2xx.Start(Min(_retransmit2xx.Interval * 2, Timers.T2));
            resend = _final;
        }

        Transmit(resend!.Raw);
    }

    private void OnTimerH()
    {
        bool timedOut;
        lock (Gate)
        {
            timedOut = _timerH.TryConsume() && State == SipTransactionState.Completed && TerminateLocked();
        }

        if (timedOut)
        {
            Layer.InvokeAckTimeout(this);
        }
    }

    private void OnTimerI()
    {
        lock (Gate)
        {
            if (_timerI.TryConsume())
            {
                TerminateLocked();
            }
        }
    }

    private void OnTimerL()
    {
        bool timedOut;
        lock (Gate)
        {
            timedOut = _timerL.TryConsume() && State == SipTransactionState.Accepted && TerminateLocked() && !IsAcknowledged;
        }

        if (timedOut)
        {
            Layer.InvokeAckTimeout(this);
        }
    }
}
