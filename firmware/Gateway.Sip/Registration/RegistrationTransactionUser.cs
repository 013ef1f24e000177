using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.Registration;

/// <summary>Turns one REGISTER client transaction into a task that completes with its final response.</summary>
internal sealed class RegistrationTransactionUser : ISipClientTransactionUser
{
    // The exchange continues on the transport or timer thread that delivered the response: answering a challenge is
    // our own short, non-blocking work (a digest and one send), and a pool hop per response cost more CPU than the work.
    // The transaction delivers outside its lock, so running on inline is safe; RegistrationClient hops off the
    // transport thread before anything the application supplied (status handlers) runs.
    private readonly TaskCompletionSource<SipResponse> _final = new();

    public Task<SipResponse> Final => _final.Task;

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.StatusCode >= 200)
        {
            _final.TrySetResult(response);
        }
    }
}
