using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>
/// RFC 3261 §17.2.2: Trying → Proceeding (last provisional re-sent on each retransmission) →
/// Completed (final re-sent; timer J on UDP, none on reliable transports).
/// </summary>
public sealed class ServerNonInviteTransaction : ServerTransaction
{
    private readonly TransactionTimer _timerJ;
    private SipResponse? _provisional;

    internal ServerNonInviteTransaction(SipTransactionLayer layer, SipRequest request, ISipTransport transport, IPEndPoint remote, string key)
        : base(layer, request, transport, remote, key)
    {
        _timerJ = CreateTimer(OnTimerJ);
        State = SipTransactionState.Trying;
    }

    /// <summary>For a CANCEL: the INVITE server transaction it matched by branch (RFC 3261 §9.2). Null otherwise.</summary>
    public ServerInviteTransaction? CancelTarget { get; internal set; }

    /// <inheritdoc/>
    public override void SendResponse(SipResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var code = response.StatusCode;
        lock (Gate)
        {
            if (State is not (SipTransactionState.Trying or SipTransactionState.Proceeding))
            {
                throw WrongState(code);
            }

            LastResponse = response;
            if (code < 200)
            {
                State = SipTransactionState.Proceeding;
                _provisional = response;
            }
            else
            {
                State = SipTransactionState.Completed;
                if (IsReliable)
                {
                    TerminateLocked();
                }
                else
                {
                    _timerJ.Start(Timers.Timeout64);
                }
            }
        }

        Transmit(response.Raw);
    }

    internal override void ReceiveRetransmission(SipRequest request)
    {
        SipResponse? resend;
        lock (Gate)
        {
            resend = State switch
            {
                SipTransactionState.Proceeding => _provisional,
                SipTransactionState.Completed => LastResponse,
                _ => null,
            };
        }

        if (resend is not null)
        {
            Transmit(resend.Raw);
        }
    }

    private void OnTimerJ()
    {
        lock (Gate)
        {
            if (_timerJ.TryConsume())
            {
                TerminateLocked();
            }
        }
    }
}
