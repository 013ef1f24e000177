using System.Text;
using Gateway.Media.Sessions;

namespace Gateway.Media.Tests.Sessions;

/// <summary>Every unusable SDP from the peer is a failed negotiation with a reason (the SIP layer answers 488), never an exception.</summary>
[Collection(CallPair.Collection)]
public sealed class BadSdpTests
{
    private const string Head = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n";

    public static TheoryData<string, string> BadOffers() => new()
    {
        { "garbage", "this is not SDP at all\r\n\u0001\u0002" },
        { "empty", string.Empty },
        { "only v=", "v=0\r\n" },
        { "no audio m-line", Head + "m=video 5000 RTP/AVP 96\r\na=rtpmap:96 VP8/90000\r\n" },
        { "no m-line", Head },
        { "no common codec", Head + "m=audio 5000 RTP/AVP 18 3\r\na=rtpmap:18 G729/8000\r\n" },
        { "port 0", Head + "m=audio 0 RTP/AVP 0\r\n" },
        { "SRTP only", Head + "m=audio 5000 RTP/SAVP 0\r\n" },
        { "no c=", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n" },
        { "host name in c=", "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 phone.example.com\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n" },
        { "IPv6 c= for an IPv4 station", "v=0\r\no=- 1 1 IN IP6 ::1\r\ns=-\r\nc=IN IP6 ::1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n" },
        { "port out of range", Head + "m=audio 70000 RTP/AVP 0\r\n" },
        { "oversized", Head + "m=audio 5000 RTP/AVP 0\r\n" + string.Concat(Enumerable.Repeat("a=x-filler:" + new string('x', 100) + "\r\n", 200)) },
        { "too many attributes", Head + "m=audio 5000 RTP/AVP 0\r\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"a=x{i}\r\n")) },
        { "opus with a static payload type", Head + "m=audio 5000 RTP/AVP 8\r\na=rtpmap:8 opus/48000/2\r\n" },
        { "negative ptime", Head + "m=audio 5000 RTP/AVP 0\r\na=ptime:-20\r\n" },
    };

    private static async Task<CallMediaSession> NewCall(StationAudio station, params string[] codecs)
        => await Task.FromResult((CallMediaSession)station.CreateCallMedia(codecs.Length == 0 ? ["PCMU", "PCMA", "opus"] : codecs));

    [Theory]
    [MemberData(nameof(BadOffers))]
    public async Task AnswerOffer_Unusable_FailsWithReason(string what, string sdp)
    {
        await using var station = CallPair.Station(new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20)));
        await using var call = await NewCall(station);

        var outcome = call.AnswerOffer(sdp);

        Assert.False(outcome.Succeeded, $"{what} was accepted");
        Assert.Null(outcome.Sdp);
        Assert.False(string.IsNullOrWhiteSpace(outcome.Error));
    }

    [Fact]
    public async Task AnswerOffer_NoCommonCodec_ReasonNamesBothSides()
    {
        await using var station = CallPair.Station(new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20)));
        await using var call = await NewCall(station, "PCMU");
        var outcome = call.AnswerOffer(Head + "m=audio 5000 RTP/AVP 18\r\na=rtpmap:18 G729/8000\r\n");
        Assert.Contains("no common codec", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("G729", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAnswer_WithoutOfferOrBad_Fails()
    {
        await using var station = CallPair.Station(new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20)));
        await using var call = await NewCall(station);
        Assert.False(call.ApplyAnswer(Head + "m=audio 5000 RTP/AVP 0\r\n").Succeeded);

        _ = call.CreateOffer();
        Assert.False(call.ApplyAnswer("garbage").Succeeded);
        Assert.False(call.ApplyAnswer(Head + "m=audio 0 RTP/AVP 0\r\n").Succeeded); // rejected stream
        Assert.False(call.ApplyAnswer(Head + "m=audio 5000 RTP/AVP 18\r\n").Succeeded); // a codec we did not offer
        Assert.False(call.ApplyAnswer(Head + "m=audio 5000 RTP/AVP 0\r\nm=audio 5002 RTP/AVP 0\r\n").Succeeded); // m= count
        Assert.True(call.ApplyAnswer(Head + "m=audio 5000 RTP/AVP 0\r\n").Succeeded);
    }

    [Fact]
    public async Task ReInvite_BadOffer_Fails_AndTheCallGoesOnAsItWas()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format), new ScriptedAudioDevice(format), ["PCMU"]);
        await CallPair.WaitUntil(() => pair.CallA.GetStatus().PacketsReceived > 5, "media");
        var before = pair.CallA.GetStatus();

        Assert.False(pair.CallA.AnswerReInvite(Head + "m=audio 5000 RTP/AVP 18\r\n").Succeeded);
        Assert.False(pair.CallA.AnswerReInvite("v=0\r\nbroken").Succeeded);
        Assert.False(pair.CallA.AnswerReInvite(Head.Replace("127.0.0.1\r\nt", "host.invalid\r\nt", StringComparison.Ordinal) + "m=audio 5000 RTP/AVP 0\r\n").Succeeded);

        var after = pair.CallA.GetStatus();
        Assert.Equal(before.RemoteRtp, after.RemoteRtp);
        Assert.Equal(before.Direction, after.Direction);
        await CallPair.WaitUntil(() => pair.CallA.GetStatus().PacketsReceived > after.PacketsReceived + 10, "media after the refused re-INVITE");
    }

    [Fact]
    public async Task AnswerOffer_MutatedOffers_NeverThrow()
    {
        await using var station = CallPair.Station(new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20)));
        var valid = Encoding.ASCII.GetBytes(Head + "m=audio 5000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n");
        var random = new Random(4733);
        var accepted = 0;
        for (var i = 0; i < 300; i++)
        {
            var bytes = (byte[])valid.Clone();
            for (var k = random.Next(1, 6); k > 0; k--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            await using var call = await NewCall(station);
            var outcome = call.AnswerOffer(Encoding.Latin1.GetString(bytes));
            Assert.Equal(outcome.Succeeded, outcome.Error is null);
            accepted += outcome.Succeeded ? 1 : 0;
        }

        Assert.InRange(accepted, 1, 299);
    }
}
