using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.Registration;

/// <summary>Turns one REGISTER client transaction into a task that completes with its final response.</summary>
internal sealed class RegistrationTransactionUser : ISipClientTransactionUser
{
    // Responses arrive on transport or timer threads; the registration continues elsewhere. Answering a challenge may
    // run a smart card's synchronous SCardTransmit, which must not hold up the UDP receive thread.
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<SipResponse> Final => _final.Task;

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.StatusCode >= 200)
        {
            _final.TrySetResult(response);
        }
    }
}
