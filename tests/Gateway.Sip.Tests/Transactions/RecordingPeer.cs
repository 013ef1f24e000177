using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transactions;

/// <summary>Records every message a raw peer receives, with the fake time of arrival.</summary>
internal sealed class RecordingPeer(TimeProvider time) : ISipTransportReceiver
{
    private readonly List<(SipMessage Message, DateTimeOffset At)> _received = [];

    public IReadOnlyList<SipMessage> Messages => _received.ConvertAll(r => r.Message);

    public IReadOnlyList<DateTimeOffset> Times => _received.ConvertAll(r => r.At);

    public List<SipResponse> Responses(int status) =>
        _received.Select(r => r.Message).OfType<SipResponse>().Where(r => r.StatusCode == status).ToList();

    public List<SipRequest> Requests(string method) =>
        _received.Select(r => r.Message).OfType<SipRequest>().Where(r => r.Method.EqualsOrdinal(method)).ToList();

    public int InvalidCount { get; private set; }

    public void OnMessage(SipMessage message, in SipInboundContext context) => _received.Add((message, time.GetUtcNow()));

    public void OnInvalidMessage(ReadOnlySpan<byte> data, SipParseError parseError, bool looksLikeResponse, in SipInboundContext context) => InvalidCount++;
}
