using System.Net;
using Gateway.Codecs.G711;
using Gateway.Media.Streams;
using Gateway.Rtp;
using Gateway.Rtp.Jitter;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Media.Tests;

public sealed class RtpAudioReceiverTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SocketAddress _peer = new IPEndPoint(IPAddress.Loopback, 40000).Serialize();
    private readonly RtpAudioReceiver _receiver;
    private readonly MediaStreamStatistics _statistics = new();
    private readonly byte[] _packet = new byte[200];
    private readonly short[] _pcm = new short[160];

    public RtpAudioReceiverTests() =>
        _receiver = new RtpAudioReceiver(PcmuCodec.Instance.CreateDecoder(), 0, 101, new JitterBufferOptions(MinimumDelayMs: 20), _time);

    [Fact]
    public void SsrcChange_StatisticsRestartAndAudioOfNewSourcePlays()
    {
        var tone = Tone.Sine(8000, 1000, 160, 8000);
        var payload = new byte[160];
        PcmuCodec.Instance.Encode(tone, payload);
        for (var i = 0; i < 20; i++)
        {
            Deliver(new RtpHeader(0, (ushort)i, (uint)(i * 160), 1), payload);
        }

        for (var i = 0; i < 20; i++)
        {
            Deliver(new RtpHeader(0, (ushort)(5000 + i), (uint)(900_000 + (i * 160)), 2), payload);
        }

        _receiver.Snapshot(_statistics);
        Assert.Equal(1, _statistics.SsrcChanges);
        Assert.Equal(2u, _receiver.RemoteSsrc);

        // RFC 3550 A.1 probation: the new source's first packet is not counted.
        Assert.InRange(_statistics.PacketsReceived, 18, 20);
        Assert.True(Tone.Rms(_pcm) > 1000, "the new source's audio is not played");
    }

    [Fact]
    public void UnknownPayloadTypeAndUndecodable_CountedNotPlayed()
    {
        Deliver(new RtpHeader(8, 1, 160, 1), new byte[160]);
        _receiver.Snapshot(_statistics);
        Assert.Equal(1, _statistics.UnknownPayloadType);
        Assert.Equal(0, _statistics.JitterBuffer.PacketsReceived);
    }

    [Fact]
    public void NotReceiving_PacketsDroppedAndCounted()
    {
        _receiver.Receiving = false;
        Deliver(new RtpHeader(0, 1, 160, 1), new byte[160]);
        _receiver.Snapshot(_statistics);
        Assert.Equal(1, _statistics.DroppedWhileNotReceiving);
        Assert.Equal(0, _statistics.PacketsReceived);
    }

    private void Deliver(RtpHeader header, byte[] payload)
    {
        var length = RtpPacketWriter.Write(_packet, header, payload);
        _receiver.Receive(_packet.AsSpan(0, length), _peer);
        _time.Advance(TimeSpan.FromMilliseconds(20));
        _receiver.Playout(_pcm);
    }
}
