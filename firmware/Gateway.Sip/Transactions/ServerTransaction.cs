using System.Net;
using System.Security.Cryptography;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>A server transaction (RFC 3261 §17.2): the TU answers through it; request retransmissions are absorbed.</summary>
public abstract class ServerTransaction : SipTransaction
{
    private string? _toTag;

    private protected ServerTransaction(SipTransactionLayer layer, SipRequest request, ISipTransport transport, IPEndPoint remote, string key)
        : base(layer, request, transport, remote, key)
    {
    }

    /// <summary>The To tag <see cref="CreateResponse"/> puts on every response, so 1xx and final share one dialog.</summary>
    public string ToTag
    {
        get
        {
            // The TU and a timer thread may ask at once; both must get the same tag.
            if (Volatile.Read(ref _toTag) is null)
            {
                Interlocked.CompareExchange(ref _toTag, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8)), null);
            }

            return _toTag!;
        }
    }

    /// <summary>The last response sent, or null.</summary>
    public SipResponse? LastResponse { get; private protected set; }

    /// <summary>Builds a response to <see cref="SipTransaction.Request"/> with <see cref="ToTag"/> (none on 100).</summary>
    /// <param name="statusCode">100 to 699.</param>
    /// <param name="reasonPhrase">The phrase; the standard one when null.</param>
    /// <returns>The response, ready for <see cref="SendResponse"/>; build further with <see cref="SipResponseFactory"/> if headers or a body are needed.</returns>
    public SipResponse CreateResponse(int statusCode, string? reasonPhrase = null) =>
        (SipResponse)SipResponseFactory.CreateResponse(Request, statusCode, reasonPhrase, ToTag).Build();

    /// <summary>Sends a response and moves the state machine.</summary>
    /// <param name="response">The response.</param>
    /// <exception cref="InvalidOperationException">The state does not allow that response (e.g. a second final).</exception>
    public abstract void SendResponse(SipResponse response);

    /// <summary>Builds and sends a response.</summary>
    /// <param name="statusCode">100 to 699.</param>
    /// <param name="reasonPhrase">The phrase; the standard one when null.</param>
    public void Respond(int statusCode, string? reasonPhrase = null) => SendResponse(CreateResponse(statusCode, reasonPhrase));

    /// <summary>A retransmission of the request (not an ACK) matched this transaction.</summary>
    internal abstract void ReceiveRetransmission(SipRequest request);

    private protected InvalidOperationException WrongState(int statusCode) =>
        new($"Cannot send a {statusCode} response in state {State}.");
}
