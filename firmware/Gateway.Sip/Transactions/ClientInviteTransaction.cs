using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.1 with RFC 6026: Calling (timer A retransmits on UDP, timer B gives up) →
/// Proceeding → Completed (ACK for non-2xx, timer D) or Accepted (2xx and its retransmissions go to
/// the TU, which sends the ACK itself; timer M).
/// </summary>
public sealed class ClientInviteTransaction : ClientTransaction
{
    private readonly TransactionTimer _timerA;
    private readonly TransactionTimer _timerB;
    private readonly TransactionTimer _timerD;
    private readonly TransactionTimer _timerM;
    private SipRequest? _ack;

    internal ClientInviteTransaction(SipTransactionLayer layer, SipRequest request, ISipTransport transport, IPEndPoint remote, string key, ISipClientTransactionUser user)
        : base(layer, request, transport, remote, key, user)
    {
        _timerA = CreateTimer(OnTimerA);
        _timerB = CreateTimer(OnTimerB);
        _timerD = CreateTimer(OnWaitTimer);
        _timerM = CreateTimer(OnWaitTimer);
    }

    /// <summary>
    /// Builds the CANCEL for this INVITE (RFC 3261 §9.1): same Request-URI, Call-ID, From, To, CSeq
    /// number and top Via. Send it with <see cref="SipTransactionLayer.SendRequest"/> only after a
    /// provisional response arrived.
    /// </summary>
    /// <returns>The CANCEL request.</returns>
    public SipRequest CreateCancel() => SipTransactionRequests.CreateCancel(Request);

    internal override void Start()
    {
        lock (Gate)
        {
            State = SipTransactionState.Calling;
            if (!IsReliable)
            {
                _timerA.Start(Timers.T1);
            }

            _timerB.Start(Timers.Timeout64);
        }

        Transmit(Request.Raw);
    }

    internal override void ReceiveResponse(SipResponse response)
    {
        var code = response.StatusCode;
        var deliver = false;
        SipRequest? ack = null;
        lock (Gate)
        {
            switch (State)
            {
                case SipTransactionState.Calling or SipTransactionState.Proceeding when code < 200:
                    State = SipTransactionState.Proceeding;
                    _timerA.Stop();
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding when code < 300:
                    State = SipTransactionState.Accepted;
                    _timerA.Stop();
                    _timerB.Stop();
                    _timerM.Start(Timers.Timeout64);
                    deliver = true;
                    break;
                case SipTransactionState.Calling or SipTransactionState.Proceeding:
                    State = SipTransactionState.Completed;
                    _timerA.Stop();
                    _timerB.Stop();
                    _ack = ack = SipTransactionRequests.CreateAck(Request, response);
                    deliver = true;
                    if (IsReliable)
                    {
                        TerminateLocked();
                    }
                    else
                    {
                        _timerD.Start(Timers.TimerD);
                    }

                    break;
                case SipTransactionState.Accepted:
                    // RFC 6026 §8.4: 2xx retransmissions and forked 2xx go to the TU, which ACKs each.
                    deliver = code is >= 200 and < 300;
                    break;
                case SipTransactionState.Completed when code >= 300:
                    ack = _ack;
                    break;
                default:
                    break;
            }
        }

        if (ack is not null)
        {
            Transmit(ack.Raw);
        }

        if (deliver)
        {
            Deliver(response);
        }
    }

    private void OnTimerA()
    {
        lock (Gate)
        {
            if (!_timerA.TryConsume() || State != SipTransactionState.Calling)
            {
                return;
            }

            // INVITE retransmissions double without the T2 cap (§17.1.1.2).
            _timerA.Start(_timerA.Interval * 2);
        }

        Transmit(Request.Raw);
    }

    private void OnTimerB()
    {
        bool failed;
        lock (Gate)
        {
            failed = _timerB.TryConsume() && State == SipTransactionState.Calling && FailLocked(SipTransactionFailure.Timeout);
        }

        if (failed)
        {
            DeliverFailure(SipTransactionFailure.Timeout);
        }
    }

    private void OnWaitTimer()
    {
        lock (Gate)
        {
            if (_timerD.TryConsume() | _timerM.TryConsume())
            {
                TerminateLocked();
            }
        }
    }
}
