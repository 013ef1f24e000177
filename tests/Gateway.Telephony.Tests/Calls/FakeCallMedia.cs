using Gateway.Media.Sessions;

namespace Gateway.Telephony.Tests.Calls;

internal sealed class FakeCallMedia(IReadOnlyList<string> codecs) : ICallMedia
{
    public const string OfferSdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\na=sendrecv\r\n";
    public const string AnswerSdp = "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4002 RTP/AVP 0\r\na=sendrecv\r\n";

    public event EventHandler<char>? DigitReceived;

    public IReadOnlyList<string> Codecs { get; } = codecs;

    public bool FailNegotiation { get; set; }

    public string? AppliedAnswer { get; private set; }

    public string? AnsweredOffer { get; private set; }

    public List<string?> ReInviteOffers { get; } = [];

    public bool Started { get; private set; }

    public bool Disposed { get; private set; }

    public string SentDigits { get; private set; } = string.Empty;

    public CallMediaStatus Status { get; set; } = new() { Codec = "PCMU", PacketsSent = 50, PacketsReceived = 48, PacketsLost = 2, JitterMs = 3.5, ConcealedSamples = 160 };

    public string CreateOffer() => OfferSdp;

    public CallMediaNegotiation ApplyAnswer(string answerSdp)
    {
        AppliedAnswer = answerSdp;
        return FailNegotiation || !answerSdp.StartsWith("v=0", StringComparison.Ordinal)
            ? CallMediaNegotiation.Fail("unusable answer")
            : new CallMediaNegotiation(true, null, "PCMU", null);
    }

    public CallMediaNegotiation AnswerOffer(string offerSdp)
    {
        AnsweredOffer = offerSdp;
        return FailNegotiation ? CallMediaNegotiation.Fail("no common codec") : new CallMediaNegotiation(true, AnswerSdp, "PCMU", null);
    }

    public CallMediaNegotiation AnswerReInvite(string? offerSdp)
    {
        ObjectDisposedException.ThrowIf(Disposed, this);
        ReInviteOffers.Add(offerSdp);
        return FailNegotiation ? CallMediaNegotiation.Fail("bad re-offer") : new CallMediaNegotiation(true, AnswerSdp, "PCMU", null);
    }

    public void Start() => Started = true;

    public void SendDigits(string digits) => SentDigits += digits;

    public CallMediaStatus GetStatus() => Status;

    public void ReceiveDigit(char digit) => DigitReceived?.Invoke(this, digit);

    public ValueTask DisposeAsync()
    {
        Disposed = true;
        return ValueTask.CompletedTask;
    }
}
