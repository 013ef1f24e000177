using Gateway.Sip.Message;
using Gateway.Sip.Transactions;

namespace Gateway.Sip.UserAgent;

/// <summary>A client transaction user that completes a task with the final response (local 408/503 on failure).</summary>
internal sealed class SipRequestCompletion : ISipClientTransactionUser
{
    private readonly TaskCompletionSource<SipResponse> _final = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Action<SipResponse>? _onFinal;

    public SipRequestCompletion(Action<SipResponse>? onFinal = null) => _onFinal = onFinal;

    public Task<SipResponse> Final => _final.Task;

    public void OnResponse(ClientTransaction transaction, SipResponse response)
    {
        if (response.StatusCode < 200)
        {
            return;
        }

        // RFC 6026 passes 2xx retransmissions of an INVITE too; _onFinal sees each (to ACK it), the task the first.
        _onFinal?.Invoke(response);
        _final.TrySetResult(response);
    }
}
