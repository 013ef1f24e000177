using System.Net;
using System.Net.Sockets;
using Gateway.Media.Devices.Null;
using Gateway.Media.Devices.Wav;
using Gateway.Media.Streams;
using Gateway.Rtp;
using Gateway.Sdp;

namespace Gateway.Media.Tests;

public sealed class RtpAudioStreamTests(ITestOutputHelper output) : IDisposable
{
    private static readonly AudioFormat G711Format = new(8000, 160);
    private readonly string _dir = Directory.CreateTempSubdirectory("media-stream-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Pcmu_ToneFromWavSource_ArrivesAtOtherSidesWavSinkWithFrequencyAndLevel()
    {
        var source = Path.Combine(_dir, "tone.wav");
        var sinkPath = Path.Combine(_dir, "received.wav");
        var tone = Tone.Sine(8000, 1000, 8000, 8000);
        Tone.WriteWav(source, 8000, tone);
        var sink = new WavAudioDevice(G711Format, null, sinkPath);
        using (var pair = new StreamPair(new WavAudioDevice(G711Format, source, null), sink))
        {
            await StreamPair.WaitUntil(() => pair.B.GetStatistics().PacketsReceived >= 80);
            pair.StopClock();
            var statistics = pair.B.GetStatistics();
            output.WriteLine($"B received {statistics.PacketsReceived}, lost {statistics.PacketsLost}, jitter {statistics.JitterRtpUnits}, jb delay {statistics.JitterBuffer.AverageDelayMsOrZero()} ms");
        }

        sink.Dispose();
        var received = WavHeader.ReadSamples(File.ReadAllBytes(sinkPath), out _);
        var start = Array.FindIndex(received, s => Math.Abs((int)s) > 1000);
        Assert.True(start >= 0, "no audio arrived");
        // 60 ms windows; on a loaded machine the jitter buffer may conceal or drop a frame now and then, which
        // smears one window, so most windows (not all) must show the tone at the sent level.
        var expectedRms = Tone.Rms(tone);
        var windows = 0;
        var good = 0;
        for (var offset = start + 400; offset + 480 <= received.Length; offset += 480)
        {
            var window = received.AsSpan(offset, 480);
            var levelDb = 20 * Math.Log10(Tone.Rms(window) / expectedRms);
            var atTone = Tone.Power(window, 8000, 1000);
            windows++;
            if (Math.Abs(levelDb) < 1.0 && atTone > 100 * Tone.Power(window, 8000, 700) && atTone > 100 * Tone.Power(window, 8000, 1300))
            {
                good++;
            }
        }

        output.WriteLine($"{good} of {windows} 60 ms windows carry the 1 kHz tone at the sent level (within 1 dB)");
        Assert.True(windows >= 15, $"only {windows} windows received");
        Assert.True(good >= windows * 0.8, $"{good} of {windows} windows carry the tone");
    }

    [Fact]
    public async Task Latching_PacketFromThirdSocketAfterLatch_DroppedAndCounted()
    {
        using var pair = new StreamPair(new NullAudioDevice(G711Format), new NullAudioDevice(G711Format));
        await StreamPair.WaitUntil(() => pair.B.GetStatistics().PacketsReceived >= 5);
        Assert.Equal(pair.A.LocalRtp, pair.B.LatchedRemote);

        using var intruder = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        intruder.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var packet = new byte[12 + 160];
        var length = RtpPacketWriter.Write(packet, new RtpHeader(0, 1, 1, 0x1234), new byte[160]);
        intruder.SendTo(packet.AsSpan(0, length), pair.B.LocalRtp);

        await StreamPair.WaitUntil(() => pair.B.GetStatistics().LatchRejected == 1);
        Assert.Equal(0, pair.B.GetStatistics().SsrcChanges);
        Assert.Equal(pair.A.LocalRtp, pair.B.LatchedRemote);
    }

    [Fact]
    public async Task BadRtpAndRtcp_CountedAndStreamKeepsRunning()
    {
        using var pair = new StreamPair(new NullAudioDevice(G711Format), new NullAudioDevice(G711Format));
        using var attacker = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        attacker.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        byte[][] garbage = [[], [0x80], [0x40, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0x8F, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0], [0xA0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 200]];
        foreach (var datagram in garbage)
        {
            attacker.SendTo(datagram, pair.B.LocalRtp);
            attacker.SendTo(datagram, pair.B.LocalRtcp);
        }

        await StreamPair.WaitUntil(() => pair.B.GetStatistics() is { InvalidRtp: 5, InvalidRtcp: 5 });
        var before = pair.B.GetStatistics().PacketsReceived;
        await StreamPair.WaitUntil(() => pair.B.GetStatistics().PacketsReceived > before + 10);

        // Garbage came first, yet the latch is on the real peer: invalid packets never latch.
        Assert.Equal(pair.A.LocalRtp, pair.B.LatchedRemote);
    }

    [Fact]
    public async Task TelephoneEvents_DigitsSentAndReceivedOnceEach_WithTripleEnd()
    {
        using var pair = new StreamPair(new NullAudioDevice(G711Format), new NullAudioDevice(G711Format));
        var digits = new System.Collections.Concurrent.ConcurrentQueue<char>();
        pair.B.DigitReceived += (_, e) => digits.Enqueue(e.Digit);
        pair.A.SendDigits("19#*");

        await StreamPair.WaitUntil(() => digits.Count == 4 && !pair.A.SendingDigits);
        await StreamPair.WaitUntil(() => pair.B.GetStatistics().TelephoneEventEndPacketsReceived == 12);
        Assert.Equal("19#*", new string([.. digits]));
        Assert.Equal(12, pair.A.GetStatistics().TelephoneEventEndPacketsSent);
        Assert.Throws<ArgumentException>(() => pair.A.SendDigits("x"));
    }

    [Fact]
    public async Task Rtcp_SenderAndReceiverReportsExchanged_ByeOnStop()
    {
        using var pair = new StreamPair(new NullAudioDevice(G711Format), new NullAudioDevice(G711Format), TimeSpan.FromMilliseconds(300));
        await StreamPair.WaitUntil(() => pair.A.GetStatistics().SenderReportsReceived >= 2 && pair.B.GetStatistics().SenderReportsReceived >= 2);
        Assert.Equal(0, pair.A.GetStatistics().RemoteReportedCumulativeLost);

        // B only receives: its reports become RRs (it has nothing to say as a sender).
        pair.B.SetDirection(SdpDirection.RecvOnly);
        var rrBefore = pair.A.GetStatistics().ReceiverReportsReceived;
        await StreamPair.WaitUntil(() => pair.A.GetStatistics().ReceiverReportsReceived >= rrBefore + 2);
        Assert.NotNull(pair.A.GetStatistics().RemoteReportedJitter);

        pair.B.Dispose();
        await StreamPair.WaitUntil(() => pair.A.GetStatistics().ByesReceived == 1);
        Assert.Equal(0, pair.A.GetStatistics().InvalidRtcp);
    }

    [Fact]
    public async Task Hold_SendOnlyAndRecvOnly_FlowStopsOneWay()
    {
        using var pair = new StreamPair(new NullAudioDevice(G711Format), new NullAudioDevice(G711Format));
        await StreamPair.WaitUntil(() => pair.A.GetStatistics().PacketsReceived >= 5 && pair.B.GetStatistics().PacketsReceived >= 5);

        pair.A.SetDirection(SdpDirection.SendOnly);
        pair.B.SetDirection(SdpDirection.RecvOnly);
        var aReceived = pair.A.GetStatistics().PacketsReceived;
        var bSent = pair.B.GetStatistics().PacketsSent;
        var bReceived = pair.B.GetStatistics().PacketsReceived;
        await StreamPair.WaitUntil(() => pair.B.GetStatistics().PacketsReceived >= bReceived + 20);

        // At most one packet in flight when the direction changed.
        Assert.InRange(pair.A.GetStatistics().PacketsReceived - aReceived, 0, 1);
        Assert.InRange(pair.B.GetStatistics().PacketsSent - bSent, 0, 1);

        pair.A.SetDirection(SdpDirection.SendRecv);
        pair.B.SetDirection(SdpDirection.SendRecv);
        await StreamPair.WaitUntil(() => pair.A.GetStatistics().PacketsReceived >= aReceived + 10);
    }
}

internal static class SnapshotExtensions
{
    public static double AverageDelayMsOrZero(this JitterBufferSnapshot snapshot) =>
        snapshot.JitterBufferEmittedCount == 0 ? 0 : snapshot.JitterBufferDelay * 1000 / snapshot.JitterBufferEmittedCount;
}

public sealed class RtpAudioStreamRemoteChangeTests
{
    [Fact]
    public async Task SetRemote_NewAddress_PacketsGoThereAndLatchRestarts()
    {
        var format = new AudioFormat(8000, 160);
        using var pair = new StreamPair(new Devices.Null.NullAudioDevice(format), new Devices.Null.NullAudioDevice(format));
        await StreamPair.WaitUntil(() => pair.B.GetStatistics().PacketsReceived >= 3);

        using var moved = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
        moved.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        moved.ReceiveTimeout = 3000;

        // A stops sending (its side of the re-INVITE), so nothing re-latches B onto the old address.
        pair.A.SetDirection(Sdp.SdpDirection.Inactive);
        await Task.Delay(200);
        pair.B.SetRemote((IPEndPoint)moved.LocalEndPoint!);
        var buffer = new byte[2048];
        var length = moved.Receive(buffer);
        Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet, out _));
        Assert.Equal(pair.B.Ssrc, packet.Header.Ssrc);
        Assert.Null(pair.B.LatchedRemote);
    }
}
