using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.Registration;

/// <summary>Turns one REGISTER client transaction into a task that completes with its final response.</summary>
/// <param name="continueOnDeliveringThread">
/// Let the exchange continue on the transport or timer thread that delivered the response. Answering a challenge is
/// then a hash and one send, and a pool hop per response cost more CPU than that work (registration throughput 0.79
/// -> 0.85 of SIPp). Only when the digest responder cannot block: a card's synchronous SCardTransmit on the UDP
/// receive thread would stall every SIP message. The transaction delivers outside its lock, so running on is safe.
/// </param>
internal sealed class RegistrationTransactionUser(bool continueOnDeliveringThread) : ISipClientTransactionUser
{
    private readonly TaskCompletionSource<SipResponse> _final = new(
        continueOnDeliveringThread ? TaskCreationOptions.None : TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipResponse> Final => _final.Task;

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.StatusCode >= 200)
        {
            _final.TrySetResult(response);
        }
    }
}
