using Gateway.Codecs.G711;
using Gateway.Media.Streams;
using Gateway.Rtp;

namespace Gateway.Media.Tests;

public sealed class RtpAudioSenderTests
{
    [Fact]
    public void Packets_MarkerOnTalkspurtStart_SequenceAndTimestampAdvance()
    {
        var sender = new RtpAudioSender(PcmuCodec.Instance.CreateEncoder(), 0);
        var pcm = new short[160];
        var buffer = new byte[200];
        var headers = new List<RtpHeader>();

        void SendOne()
        {
            var length = sender.WriteAudio(pcm, buffer);
            Assert.Equal(172, length);
            Assert.True(RtpPacket.TryParse(buffer.AsSpan(0, length), out var packet, out _));
            headers.Add(packet.Header);
            sender.EndFrame(sent: true);
        }

        SendOne();
        SendOne();
        sender.EndFrame(sent: false);
        sender.EndFrame(sent: false);
        SendOne();
        SendOne();

        Assert.Equal(new[] { true, false, true, false }, headers.Select(h => h.Marker));
        Assert.All(headers, h => Assert.Equal(sender.Ssrc, h.Ssrc));
        Assert.Equal(new uint[] { 0, 160, 640, 800 }, headers.Select(h => h.Timestamp - headers[0].Timestamp));
        Assert.Equal(new ushort[] { 0, 1, 2, 3 }, headers.Select(h => (ushort)(h.SequenceNumber - headers[0].SequenceNumber)));
        Assert.Equal(4, sender.PacketCount);
        Assert.Equal(640, sender.OctetCount);
    }

    [Fact]
    public void TwoSenders_RandomSsrcAndBases()
    {
        var a = new RtpAudioSender(PcmuCodec.Instance.CreateEncoder(), 0);
        var b = new RtpAudioSender(PcmuCodec.Instance.CreateEncoder(), 0);
        Assert.NotEqual(a.Ssrc, b.Ssrc);
        Assert.NotEqual(a.Timestamp, b.Timestamp);
    }
}
