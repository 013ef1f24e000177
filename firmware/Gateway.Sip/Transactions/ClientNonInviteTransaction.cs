using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.1.2: Trying (timer E doubles up to T2 on UDP, timer F gives up) → Proceeding
/// (E at T2) → Completed (timer K absorbs final-response retransmissions).
/// </summary>
public sealed class ClientNonInviteTransaction : ClientTransaction
{
    private readonly TransactionTimer _timerE;
    private readonly TransactionTimer _timerF;
    private readonly TransactionTimer _timerK;

    internal ClientNonInviteTransaction(SipTransactionLayer layer, SipRequest request, ISipTransport transport, IPEndPoint remote, string key, ISipClientTransactionUser user)
        : base(layer, request, transport, remote, key, user)
    {
        _timerE = CreateTimer(OnTimerE);
        _timerF = CreateTimer(OnTimerF);
        _timerK = CreateTimer(OnTimerK);
    }

    internal override void Start()
    {
        lock (Gate)
        {
            State = SipTransactionState.Trying;
            if (!IsReliable)
            {
                _timerE.Start(Timers.T1);
            }

            _timerF.Start(Timers.Timeout64);
        }

        Transmit(Request.Raw);
    }

    internal override void ReceiveResponse(SipResponse response)
    {
        var deliver = false;
        lock (Gate)
        {
            if (State is SipTransactionState.Trying or SipTransactionState.Proceeding)
            {
                deliver = true;
                if (response.StatusCode < 200)
                {
                    State = SipTransactionState.Proceeding;
                }
                else
                {
                    State = SipTransactionState.Completed;
                    _timerE.Stop();
                    _timerF.Stop();
                    if (IsReliable)
                    {
                        TerminateLocked();
                    }
                    else
                    {
                        _timerK.Start(Timers.T4);
                    }
                }
            }
        }

        if (deliver)
        {
            Deliver(response);
            if (response.StatusCode >= 200)
            {
                ReleaseUser();
            }
        }
    }

    private void OnTimerE()
    {
        lock (Gate)
        {
            if (!_timerE.TryConsume())
            {
                return;
            }

            if (State == SipTransactionState.Trying)
            {
                _timerE.Start(Min(_timerE.Interval * 2, Timers.T2));
            }
            else if (State == SipTransactionState.Proceeding)
            {
                _timerE.Start(Timers.T2);
            }
            else
            {
                return;
            }
        }

        Transmit(Request.Raw);
    }

    private void OnTimerF()
    {
        bool failed;
        lock (Gate)
        {
            failed = _timerF.TryConsume()
                && State is SipTransactionState.Trying or SipTransactionState.Proceeding
                && FailLocked(SipTransactionFailure.Timeout);
        }

        if (failed)
        {
            DeliverFailure(SipTransactionFailure.Timeout);
        }
    }

    private void OnTimerK()
    {
        lock (Gate)
        {
            if (_timerK.TryConsume())
            {
                TerminateLocked();
            }
        }
    }
}
