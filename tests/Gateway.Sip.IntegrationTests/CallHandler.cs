using System.Collections.Concurrent;
using System.Text;
using Gateway.Sip.Dialogs;
using Gateway.Sip.UserAgent;

namespace Gateway.Sip.IntegrationTests;

/// <summary>
/// An incoming-call handler for interop tests: rings, and accepts when asked to, at once or after
/// <paramref name="answerDelay"/> (so that a retransmitted INVITE can arrive before any response).
/// </summary>
internal sealed class CallHandler(bool accept, TimeSpan? answerDelay = null) : IIncomingCallHandler
{
    public static readonly SipBodyContent Answer = new(Encoding.ASCII.GetBytes(
        "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5004 RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\n"), "application/sdp");

    private readonly TaskCompletionSource<SipIncomingCall> _first = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<SipIncomingCall> Calls { get; } = new();

    public Task<SipIncomingCall> FirstCall => _first.Task;

    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        Calls.Enqueue(incomingCall);
        _first.TrySetResult(incomingCall);
        if (answerDelay is { } delay)
        {
            Answered = AnswerLaterAsync(incomingCall, delay);
            return;
        }

        RingAndMaybeAccept(incomingCall);
    }

    /// <summary>The delayed answer, when there is one; tests await it so failures surface.</summary>
    public Task Answered { get; private set; } = Task.CompletedTask;

    private async Task AnswerLaterAsync(SipIncomingCall incomingCall, TimeSpan delay)
    {
        await Task.Delay(delay);
        RingAndMaybeAccept(incomingCall);
    }

    private void RingAndMaybeAccept(SipIncomingCall incomingCall)
    {
        incomingCall.Ring();
        if (accept)
        {
            incomingCall.Accept(Answer);
        }
    }
}
