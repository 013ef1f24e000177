using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Gateway.Media.Sessions;

namespace Gateway.Media.Tests.Sessions;

/// <summary>Two call media sessions on loopback, each on its own station with its own clock.</summary>
[Collection(CallPair.Collection)]
public sealed class CallMediaSessionTests(ITestOutputHelper output)
{
    public static TheoryData<string, int, int> Codecs() => new()
    {
        { "PCMU", 8000, 8000 },
        { "PCMA", 8000, 16000 },
        { "G722", 16000, 16000 },
        { "G722", 8000, 16000 },
        { "opus", 16000, 8000 },
        { "L16", 8000, 8000 },
        { "L16/16000", 16000, 16000 },
    };

    /// <summary>Share of 60 ms windows (after the start) that carry the tone at about the sent level and little else.</summary>
    internal static (int Good, int Windows) JudgeTone(short[] received, int rate, double frequency, double sentRms, double levelToleranceDb)
    {
        var start = Array.FindIndex(received, s => Math.Abs((int)s) > sentRms / 4);
        if (start < 0)
        {
            return (0, 0);
        }

        var window = rate * 60 / 1000;
        var windows = 0;
        var good = 0;
        for (var offset = start + (window / 2); offset + window <= received.Length; offset += window)
        {
            var w = received.AsSpan(offset, window);
            var levelDb = 20 * Math.Log10(Tone.Rms(w) / sentRms);
            var atTone = Tone.Power(w, rate, frequency);
            windows++;
            if (Math.Abs(levelDb) < levelToleranceDb && atTone > 30 * Tone.Power(w, rate, frequency * 0.7) && atTone > 30 * Tone.Power(w, rate, frequency * 1.3))
            {
                good++;
            }
        }

        return (good, windows);
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task Call_ToneFromCaller_HeardAtCalleeWithFrequencyAndLevel(string codec, int rateA, int rateB)
    {
        var tone = Tone.Sine(rateA, 1000, rateA * 20, 8000);
        var deviceB = new ScriptedAudioDevice(AudioFormat.ForFrameMs(rateB, 20));
        await using (var pair = CallPair.Connect(new ScriptedAudioDevice(AudioFormat.ForFrameMs(rateA, 20), tone), deviceB, [codec]))
        {
            Assert.Equal(codec, pair.Answer.Codec);
            await CallPair.WaitUntil(() => pair.CallB.GetStatus().PacketsReceived >= 100, "100 packets at B");
            var status = pair.CallB.GetStatus();
            output.WriteLine($"{codec}: B {status.Codec} {status.Direction} from {status.RemoteRtp}, received {status.PacketsReceived}, lost {status.PacketsLost}, jitter {status.JitterMs:F2} ms, concealed {status.ConcealedSamples}, emitted {status.JitterBufferEmittedCount}");
            Assert.Equal(codec, status.Codec);
            Assert.True(pair.CallA.GetStatus().PacketsSent >= 100);
            Assert.True(status.JitterBufferEmittedCount > 0);
            Assert.Equal($"127.0.0.1:{pair.CallA.LocalRtp.Port}", status.RemoteRtp);
        }

        var (good, windows) = JudgeTone(deviceB.Played(), rateB, 1000, Tone.Rms(tone), codec == "opus" ? 3 : 1.5);
        output.WriteLine($"{good} of {windows} windows carry 1 kHz at the sent level");
        Assert.True(windows >= 20, $"only {windows} windows");
        // Two clock threads on a loaded 2-core machine: the jitter buffer conceals a late frame now and then,
        // which smears its window; the tone must still be in most of them.
        Assert.True(good >= windows * 0.7, $"{good} of {windows} windows carry the tone");
    }

    [Fact]
    public async Task Call_DigitsBothWays_ReceivedOnceEachAsTelephoneEvents()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format), new ScriptedAudioDevice(format), ["PCMU"]);
        Assert.Contains("telephone-event", pair.Answer.Sdp, StringComparison.Ordinal);
        var atA = new ConcurrentQueue<char>();
        var atB = new ConcurrentQueue<char>();
        pair.CallA.DigitReceived += (_, d) => atA.Enqueue(d);
        pair.CallB.DigitReceived += (_, d) => atB.Enqueue(d);

        pair.CallA.SendDigits("159#");
        pair.CallB.SendDigits("*0D");

        await CallPair.WaitUntil(() => atB.Count >= 4 && atA.Count >= 3, "digits");
        await Task.Delay(300);
        Assert.Equal("159#", new string([.. atB]));
        Assert.Equal("*0D", new string([.. atA]));
    }

    [Fact]
    public async Task Call_SendDigitsWithBadCharactersOrBeforeNegotiation_IgnoredWithoutThrowing()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var station = CallPair.Station(new ScriptedAudioDevice(format));
        await using var call = (CallMediaSession)station.CreateCallMedia(["PCMU"]);
        call.SendDigits("12");
        call.SendDigits("x!");
        Assert.Null(call.GetStatus().Codec);
        Assert.Throws<InvalidOperationException>(call.Start);
    }

    [Fact]
    public async Task Hold_OurSideThenResume_PeerStopsSendingAndResumes()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        var tone = Tone.Sine(8000, 1000, 8000 * 30, 8000);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format, tone), new ScriptedAudioDevice(format, tone), ["PCMU"]);
        await CallPair.WaitUntil(() => pair.CallA.GetStatus().PacketsReceived >= 20, "media before hold");

        var hold = pair.CallB.AnswerReInvite(pair.CallA.CreateHoldOffer());
        Assert.True(hold.Succeeded, hold.Error);
        Assert.Contains("a=recvonly", hold.Sdp, StringComparison.Ordinal);
        Assert.True(pair.CallA.ApplyAnswer(hold.Sdp!).Succeeded);
        Assert.Equal("sendonly", pair.CallA.GetStatus().Direction);
        Assert.Equal("recvonly", pair.CallB.GetStatus().Direction);

        await Task.Delay(200);
        var sentByB = pair.CallB.GetStatus().PacketsSent;
        var receivedByB = pair.CallB.GetStatus().PacketsReceived;
        await Task.Delay(600);
        Assert.Equal(sentByB, pair.CallB.GetStatus().PacketsSent);
        Assert.True(pair.CallB.GetStatus().PacketsReceived > receivedByB + 10, "the held side still hears us (music on hold)");

        var resume = pair.CallB.AnswerReInvite(pair.CallA.CreateResumeOffer());
        Assert.True(resume.Succeeded, resume.Error);
        Assert.True(pair.CallA.ApplyAnswer(resume.Sdp!).Succeeded);
        Assert.Equal("sendrecv", pair.CallA.GetStatus().Direction);
        var receivedByA = pair.CallA.GetStatus().PacketsReceived;
        await CallPair.WaitUntil(() => pair.CallA.GetStatus().PacketsReceived > receivedByA + 20, "media after resume");
    }

    [Fact]
    public async Task Hold_PeerSideWithInactive_NeitherSends()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format), new ScriptedAudioDevice(format), ["PCMU"]);
        var offer = pair.CallB.CreateOffer().Replace("a=sendrecv", "a=inactive", StringComparison.Ordinal);

        var answer = pair.CallA.AnswerReInvite(offer);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Contains("a=inactive", answer.Sdp, StringComparison.Ordinal);
        Assert.Equal("inactive", pair.CallA.GetStatus().Direction);
        await Task.Delay(100);
        var sent = pair.CallA.GetStatus().PacketsSent;
        await Task.Delay(400);
        Assert.Equal(sent, pair.CallA.GetStatus().PacketsSent);
    }

    [Fact]
    public async Task ReInvite_PeerMovesToAnotherPort_MediaFollows()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format), new ScriptedAudioDevice(format), ["PCMU"]);
        await CallPair.WaitUntil(() => pair.CallA.GetStatus().PacketsReceived >= 10, "media before the move");
        var offer = pair.CallB.CreateOffer();
        await pair.CallB.DisposeAsync();
        using var moved = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        moved.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        moved.ReceiveTimeout = 5000;
        var port = ((IPEndPoint)moved.LocalEndPoint!).Port;
        offer = offer.Replace($"m=audio {pair.CallB.LocalRtp.Port} ", $"m=audio {port} ", StringComparison.Ordinal);

        var answer = pair.CallA.AnswerReInvite(offer);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal($"127.0.0.1:{port}", pair.CallA.GetStatus().RemoteRtp);
        var buffer = new byte[2048];
        var n = moved.Receive(buffer);
        Assert.True(n >= 12 + 160, $"a {n}-byte datagram is not a PCMU frame");
        Assert.Equal(2, buffer[0] >> 6);
    }

    [Fact]
    public async Task ReInvite_OfferlessThenAnswerInAck_StillFlowing()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format), new ScriptedAudioDevice(format), ["PCMU"]);

        var offer = pair.CallB.AnswerReInvite(null);
        Assert.True(offer.Succeeded);
        var answer = pair.CallA.AnswerReInvite(offer.Sdp);
        Assert.True(answer.Succeeded, answer.Error);
        Assert.True(pair.CallB.ApplyAnswer(answer.Sdp!).Succeeded);

        var received = pair.CallB.GetStatus().PacketsReceived;
        await CallPair.WaitUntil(() => pair.CallB.GetStatus().PacketsReceived > received + 10, "media after the re-INVITE");
    }

    [Fact]
    public async Task Negotiation_AnswererPreferenceWins_AndUnknownNamesAreSkipped()
    {
        // RFC 3264 §6.1: the answer lists the common codecs in the answerer's order; the first is the one used.
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format), new ScriptedAudioDevice(format), ["PCMU", "PCMA"], ["G729", "PCMA", "PCMU"]);
        Assert.Equal("PCMA", pair.Answer.Codec);
        Assert.Equal("PCMA", pair.CallA.GetStatus().Codec);
    }

    [Fact]
    public async Task NoTelephoneEvent_DigitsGoInBand_PeerHearsThemAsDtmf()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var station = CallPair.Station(new ScriptedAudioDevice(format));
        await using var call = (CallMediaSession)station.CreateCallMedia(["PCMU"]);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        peer.ReceiveTimeout = 5000;
        var port = ((IPEndPoint)peer.LocalEndPoint!).Port;
        var answer = call.AnswerOffer($"v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {port} RTP/AVP 0\r\n");
        Assert.True(answer.Succeeded, answer.Error);
        Assert.DoesNotContain("telephone-event", answer.Sdp, StringComparison.Ordinal);
        call.Start();

        call.SendDigits("73");

        var detector = new Gateway.Dsp.Dtmf.DtmfDetector(8000);
        var digits = new List<char>();
        var buffer = new byte[2048];
        var pcm = new short[160];
        for (var i = 0; i < 100 && digits.Count < 2; i++)
        {
            var n = peer.Receive(buffer);
            Gateway.Codecs.G711.MuLaw.Decode(buffer.AsSpan(12, n - 12), pcm);
            detector.Process(pcm.AsSpan(0, n - 12));
            while (detector.TryGetDigit(out var d))
            {
                digits.Add(d.Digit);
            }
        }

        Assert.Equal("73", new string([.. digits]));
    }

    [Fact]
    public async Task ReInvite_CodecChange_StreamRebuiltOnTheSamePort()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        await using var pair = CallPair.Connect(new ScriptedAudioDevice(format), new ScriptedAudioDevice(format), ["PCMU", "PCMA"]);
        var port = pair.CallA.LocalRtp.Port;
        await CallPair.WaitUntil(() => pair.CallA.GetStatus().PacketsReceived >= 10, "PCMU media");
        var offer = $"v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {pair.CallB.LocalRtp.Port} RTP/AVP 8 101\r\na=rtpmap:101 telephone-event/8000\r\n";

        var answer = pair.CallA.AnswerReInvite(offer);

        Assert.True(answer.Succeeded, answer.Error);
        Assert.Equal("PCMA", answer.Codec);
        Assert.Contains($"m=audio {port} RTP/AVP 8 101", answer.Sdp, StringComparison.Ordinal);
        Assert.Equal("PCMA", pair.CallA.GetStatus().Codec);
        var unknown = pair.CallB.GetStreamStatistics()!.UnknownPayloadType;
        await CallPair.WaitUntil(() => pair.CallB.GetStreamStatistics()!.UnknownPayloadType > unknown + 10, "PCMA packets from the rebuilt stream at B (which still expects PCMU)");
    }
}
