using System.Text;
using CsCheck;
using Gateway.Rtp.Rtcp;

namespace Gateway.Rtp.Tests;

public class RtcpTests
{
    private static readonly RtcpReportBlock s_block = new(0x11223344, 25, -3, 0x0001_0005, 160, 0xAABBCCDD, 0x00010000);

    private static byte[] Compound(bool sender, int blocks, bool bye)
    {
        var buffer = new byte[1500];
        var writer = new RtcpCompoundWriter(buffer);
        var list = Enumerable.Repeat(s_block, blocks).ToArray();
        if (sender)
        {
            writer.WriteSenderReport(0x01020304, new RtcpSenderInfo(0xE000_0000_8000_0000, 9000, 50, 8000), list);
        }
        else
        {
            writer.WriteReceiverReport(0x01020304, list);
        }

        writer.WriteSourceDescription(0x01020304, "gw@127.0.0.1"u8);
        if (bye)
        {
            writer.WriteGoodbye([0x01020304], "hangup"u8);
        }

        return buffer[..writer.Length];
    }

    [Fact]
    public void SenderReport_SdesBye_RoundTrip()
    {
        var bytes = Compound(sender: true, blocks: 2, bye: true);
        Assert.True(RtcpCompoundPacket.TryParse(bytes, 1500, out var compound, out var reason), reason.ToString());
        var types = new List<RtcpPacketType>();
        foreach (var packet in compound)
        {
            types.Add(packet.Type);
            switch (packet.Type)
            {
                case RtcpPacketType.SenderReport:
                    Assert.Equal(0x01020304u, packet.Ssrc);
                    Assert.Equal(9000u, packet.SenderInfo.RtpTimestamp);
                    Assert.Equal(0x0000_8000u, packet.SenderInfo.CompactNtp & 0xFFFF);
                    Assert.Equal(2, packet.Count);
                    Assert.Equal(s_block, packet.GetReportBlock(1));
                    break;
                case RtcpPacketType.SourceDescription:
                    Assert.True(packet.TryGetSdesItem(1, out var cname));
                    Assert.Equal("gw@127.0.0.1", Encoding.ASCII.GetString(cname));
                    break;
                case RtcpPacketType.Goodbye:
                    Assert.Equal(0x01020304u, packet.GetByeSource(0));
                    Assert.Equal("hangup", Encoding.ASCII.GetString(packet.ByeReason));
                    break;
            }
        }

        Assert.Equal([RtcpPacketType.SenderReport, RtcpPacketType.SourceDescription, RtcpPacketType.Goodbye], types);
    }

    [Fact]
    public void ReceiverReport_NegativeCumulativeLost_RoundTrips()
    {
        var bytes = Compound(sender: false, blocks: 1, bye: false);
        Assert.True(RtcpCompoundPacket.TryParse(bytes, 1500, out var compound, out _));
        foreach (var packet in compound)
        {
            if (packet.Type == RtcpPacketType.ReceiverReport)
            {
                Assert.Equal(-3, packet.GetReportBlock(0).CumulativeLost);
            }
        }
    }

    [Fact]
    public void TryParse_SdesFirst_IsNotReportFirst()
    {
        var buffer = new byte[64];
        var writer = new RtcpCompoundWriter(buffer);
        writer.WriteSourceDescription(1, "x"u8);
        AssertDrop(buffer[..writer.Length], RtcpDropReason.NotReportFirst);
    }

    [Fact]
    public void TryParse_BadVersion_IsDropped()
    {
        var b = Compound(false, 0, false);
        b[0] = (byte)((b[0] & 0x3F) | 0x40);
        AssertDrop(b, RtcpDropReason.BadVersion);
    }

    [Fact]
    public void TryParse_LengthPastEnd_IsDropped()
    {
        var b = Compound(false, 0, false);
        b[3] += 10;
        AssertDrop(b, RtcpDropReason.BadLength);
    }

    [Fact]
    public void TryParse_TrailingPacketHeaderCutShort_IsDropped()
    {
        // A last header announcing 24 octets of which only its own 4 arrived.
        var b = Compound(false, 0, false).Concat(new byte[] { 0x80, 202, 0, 5 }).ToArray();
        AssertDrop(b, RtcpDropReason.BadLength);
    }

    [Fact]
    public void TryParse_PaddingOnFirstOfTwo_IsDropped()
    {
        var b = Compound(false, 0, false);
        b[0] |= 0x20;
        AssertDrop(b, RtcpDropReason.BadPadding);
    }

    [Fact]
    public void TryParse_CountLargerThanLength_IsDropped()
    {
        var b = Compound(true, 1, false);
        b[0] = (byte)((b[0] & 0xE0) | 5);
        AssertDrop(b, RtcpDropReason.BadCount);
    }

    [Fact]
    public void TryParse_NotMultipleOfFour_IsTooShort() => AssertDrop(Compound(false, 0, false)[..^1], RtcpDropReason.TooShort);

    [Fact]
    public void TryParse_Oversized_IsDropped() => AssertDrop(Compound(true, 31, true), RtcpDropReason.Oversized, maxLength: 200);

    [Fact]
    public void Writer_MoreThan31Blocks_Throws()
    {
        var blocks = new RtcpReportBlock[32];
        Assert.Throws<ArgumentOutOfRangeException>(() =>
        {
            var w = new RtcpCompoundWriter(new byte[2000]);
            w.WriteReceiverReport(1, blocks);
        });
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 600].Sample(bytes => Walk(bytes), iter: 20000);
    }

    [Fact]
    public void TryParse_MutatedCompound_NeverThrows()
    {
        var seed = Compound(true, 2, true);
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Byte).Array[1, 6].Sample(edits =>
        {
            var b = (byte[])seed.Clone();
            foreach (var (at, value) in edits)
            {
                b[at] = value;
            }

            Walk(b);
        }, iter: 20000);
    }

    private static void Walk(byte[] bytes)
    {
        if (!RtcpCompoundPacket.TryParse(bytes, 1500, out var compound, out _))
        {
            return;
        }

        foreach (var p in compound)
        {
            _ = p.Ssrc;
            if (p.Type is RtcpPacketType.SenderReport or RtcpPacketType.ReceiverReport)
            {
                for (var i = 0; i < p.Count; i++)
                {
                    _ = p.GetReportBlock(i);
                }
            }

            if (p.Type == RtcpPacketType.Goodbye)
            {
                for (var i = 0; i < p.Count; i++)
                {
                    _ = p.GetByeSource(i);
                }

                _ = p.ByeReason;
            }

            _ = p.TryGetSdesItem(1, out _);
        }
    }

    private static void AssertDrop(byte[] bytes, RtcpDropReason expected, int maxLength = 1500)
    {
        Assert.False(RtcpCompoundPacket.TryParse(bytes, maxLength, out _, out var reason));
        Assert.Equal(expected, reason);
    }
}
