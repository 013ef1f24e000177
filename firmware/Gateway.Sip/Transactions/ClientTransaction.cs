using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>A client transaction (RFC 3261 §17.1): sends a request, retransmits it on UDP, and passes responses to its user.</summary>
public abstract class ClientTransaction : SipTransaction
{
    private ISipClientTransactionUser? _user;

    private protected ClientTransaction(SipTransactionLayer layer, SipRequest request, ISipTransport transport, IPEndPoint remote, string key, ISipClientTransactionUser user)
        : base(layer, request, transport, remote, key) => _user = user;

    /// <summary>Set when the transaction ended by timeout or transport error rather than by a response from the peer.</summary>
    public SipTransactionFailure Failure { get; private set; }

    internal abstract void Start();

    internal abstract void ReceiveResponse(SipResponse response);

    internal override void OnTransportError(Exception exception)
    {
        bool failed;
        lock (Gate)
        {
            failed = FailLocked(SipTransactionFailure.TransportError);
        }

        if (failed)
        {
            DeliverFailure(SipTransactionFailure.TransportError);
        }
    }

    private protected bool FailLocked(SipTransactionFailure failure)
    {
        if (State == SipTransactionState.Terminated)
        {
            return false;
        }

        Failure = failure;
        TerminateLocked();
        return true;
    }

    private protected void DeliverFailure(SipTransactionFailure failure)
    {
        var code = failure == SipTransactionFailure.Timeout ? 408 : 503;
        Deliver((SipResponse)SipResponseFactory.CreateResponse(Request, code).Build());
    }

    private protected void Deliver(SipResponse response)
    {
        if (Volatile.Read(ref _user) is { } user)
        {
            Layer.InvokeUser(this, response, user);
        }
    }

    /// <summary>
    /// Lets go of the TU once it can get nothing more. A completed transaction lingers for timer K only to absorb
    /// retransmissions; keeping the TU (and through it the final response and whatever awaits it) alive that long made
    /// every exchange outlive a young-generation GC under load.
    /// </summary>
    private protected void ReleaseUser() => Volatile.Write(ref _user, null);
}
