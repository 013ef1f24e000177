using System.Collections.Concurrent;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.IntegrationTests;

/// <summary>
/// Test plumbing, not product code: the gateway's UA core (dialogs, SDP) does not exist yet, so this
/// minimal TU stands in for it. INVITE gets 180 and then a body-less 200 (or 487 on CANCEL), BYE and
/// OPTIONS get 200. It records what the transaction layer passed up so tests can assert on it.
/// </summary>
internal sealed class InteropUser : ISipTransactionUser
{
    private readonly ConcurrentQueue<ServerTransaction> _requests = new();
    private readonly ConcurrentQueue<SipRequest> _acks = new();
    private readonly TaskCompletionSource<ServerInviteTransaction> _ackTimeout = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public InviteAnswer Answer { get; init; } = InviteAnswer.RingThenAccept;

    /// <summary>How long after the INVITE the 180 goes out (zero: from <see cref="OnRequest"/> itself).</summary>
    public TimeSpan ProvisionalDelay { get; init; } = TimeSpan.Zero;

    /// <summary>How long after the 180 the 200 goes out.</summary>
    public TimeSpan FinalDelay { get; init; } = TimeSpan.Zero;

    /// <summary>The Contact put on the 2xx to INVITE.</summary>
    public string Contact { get; set; } = "<sip:gw@127.0.0.1>";

    public IReadOnlyList<ServerTransaction> Requests => [.. _requests];

    public IReadOnlyList<SipRequest> Acks => [.. _acks];

    /// <summary>Completes on the first <see cref="OnAckTimeout"/>.</summary>
    public Task<ServerInviteTransaction> AckTimeout => _ackTimeout.Task;

    public int CountRequests(string method) =>
        _requests.Count(t => t.Request.Method.ToString() == method);

    public void OnRequest(ServerTransaction transaction)
    {
        _requests.Enqueue(transaction);
        switch (transaction.Request.Method.ToString())
        {
            case "INVITE":
                if (ProvisionalDelay == TimeSpan.Zero)
                {
                    transaction.Respond(180);
                }

                if (ProvisionalDelay > TimeSpan.Zero || Answer == InviteAnswer.RingThenAccept)
                {
                    _ = AnswerLaterAsync(transaction);
                }

                break;
            case "CANCEL":
                var cancel = (ServerNonInviteTransaction)transaction;
                cancel.Respond(200);
                if (cancel.CancelTarget is { State: SipTransactionState.Proceeding } invite)
                {
                    invite.Respond(487);
                }

                break;
            default:
                transaction.Respond(200);
                break;
        }
    }

    public void OnAck(SipRequest ack, in SipInboundContext context) => _acks.Enqueue(ack);

    public void OnAckTimeout(ServerInviteTransaction transaction) => _ackTimeout.TrySetResult(transaction);

    private async Task AnswerLaterAsync(ServerTransaction transaction)
    {
        if (ProvisionalDelay > TimeSpan.Zero)
        {
            await Task.Delay(ProvisionalDelay);
            transaction.Respond(180);
        }

        if (Answer != InviteAnswer.RingThenAccept)
        {
            return;
        }

        if (FinalDelay > TimeSpan.Zero)
        {
            await Task.Delay(FinalDelay);
        }

        var ok = SipResponseFactory.CreateResponse(transaction.Request, 200, toTag: transaction.ToTag)
            .AddHeader("Contact", Contact)
            .Build();
        transaction.SendResponse((SipResponse)ok);
    }
}
