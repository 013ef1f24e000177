using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary>
/// Test-side plumbing: the real UDP stack and transaction layer on 127.0.0.1, with a TU that only waits for final
/// responses to the requests it sends. The gateway has no registration client of its own in this project.
/// </summary>
internal sealed class SipTestPhone : IAsyncDisposable, ISipTransactionUser
{
    private static readonly TimeSpan s_finalResponseWait = TimeSpan.FromSeconds(40);
    private readonly SipStackHost _stack;

    public SipTestPhone() => _stack = SipStackHost.CreateSocketStack(new IPEndPoint(IPAddress.Loopback, 0), this);

    public IPEndPoint LocalEndPoint => _stack.GetLocalEndPoint(SipTransportKind.Udp)!;

    /// <summary>Sends <paramref name="request"/> in a client transaction and returns its final response (a local 408/503 included).</summary>
    public async Task<SipResponse> SendAsync(SipRequest request, IPEndPoint destination)
    {
        var waiter = new FinalResponseWaiter();
        _stack.Transactions.SendRequest(request, new SipEndPoint(SipTransportKind.Udp, destination), waiter);
        return await waiter.Final.Task.WaitAsync(s_finalResponseWait);
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();

    // A phone that only registers is never the target of requests in these tests.
    public void OnRequest(ServerTransaction transaction) => transaction.Respond(501);

    public void OnAck(SipRequest ack, in SipInboundContext context)
    {
    }

    public void OnAckTimeout(ServerInviteTransaction transaction)
    {
    }

    private sealed class FinalResponseWaiter : ISipClientTransactionUser
    {
        public TaskCompletionSource<SipResponse> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (response.StatusCode >= 200)
            {
                Final.TrySetResult(response);
            }
        }
    }
}
