using CsCheck;

namespace Gateway.Rtp.Tests;

public class RtpPacketTests
{
    private static byte[] Valid(int csrcs = 0, int extensionWords = -1, int payload = 160, int padding = 0)
    {
        var buffer = new byte[1600];
        var ext = extensionWords >= 0 ? new byte[extensionWords * 4] : [];
        var n = RtpPacketWriter.Write(buffer, new RtpHeader(0, 1234, 5678, 0xCAFEBABE, Marker: true), new byte[payload], Enumerable.Range(1, csrcs).Select(i => (uint)i).ToArray(), 0xBEDE, ext, extensionWords >= 0);
        if (padding > 0)
        {
            buffer[0] |= 0x20;
            buffer[n + padding - 1] = (byte)padding;
            n += padding;
        }

        return buffer[..n];
    }

    [Fact]
    public void TryParse_WrittenPacket_ReadsEveryField()
    {
        var bytes = Valid(csrcs: 2, extensionWords: 1, payload: 20, padding: 4);
        Assert.True(RtpPacket.TryParse(bytes, out var p, out var reason));
        Assert.Equal(RtpDropReason.None, reason);
        Assert.Equal(new RtpHeader(0, 1234, 5678, 0xCAFEBABE, true), p.Header);
        Assert.Equal(2, p.CsrcCount);
        Assert.Equal(2u, p.GetCsrc(1));
        Assert.True(p.HasExtension);
        Assert.Equal(0xBEDE, p.ExtensionProfile);
        Assert.Equal(4, p.Extension.Length);
        Assert.Equal(20, p.Payload.Length);
        Assert.Equal(4, p.PaddingLength);
    }

    [Fact]
    public void TryParse_TooShort_IsDropped() => AssertDrop(new byte[11], RtpDropReason.TooShort);

    [Fact]
    public void TryParse_Version1_IsDropped()
    {
        var b = Valid();
        b[0] = (byte)((b[0] & 0x3F) | 0x40);
        AssertDrop(b, RtpDropReason.BadVersion);
    }

    [Fact]
    public void TryParse_CsrcCountBeyondPacket_IsDropped()
    {
        var b = Valid(payload: 0);
        b[0] |= 0x0F;
        AssertDrop(b, RtpDropReason.CsrcBeyondPacket);
    }

    [Fact]
    public void TryParse_ExtensionLengthBeyondPacket_IsDropped()
    {
        var b = Valid(extensionWords: 1, payload: 8);
        b[14] = 0;
        b[15] = 4; // 16 octets claimed, 12 present
        AssertDrop(b, RtpDropReason.ExtensionBeyondPacket);
    }

    [Fact]
    public void TryParse_ExtensionHeaderCutOff_IsDropped()
    {
        var b = Valid(payload: 2);
        b[0] |= 0x10;
        AssertDrop(b, RtpDropReason.ExtensionBeyondPacket);
    }

    [Fact]
    public void TryParse_ZeroPaddingCount_IsDropped()
    {
        var b = Valid(payload: 10);
        b[0] |= 0x20;
        b[^1] = 0;
        AssertDrop(b, RtpDropReason.BadPadding);
    }

    [Fact]
    public void TryParse_PaddingLongerThanPayload_IsDropped()
    {
        var b = Valid(payload: 10);
        b[0] |= 0x20;
        b[^1] = 11;
        AssertDrop(b, RtpDropReason.BadPadding);
    }

    [Fact]
    public void TryParse_PaddingEatingWholePayload_IsAccepted()
    {
        var b = Valid(payload: 10);
        b[0] |= 0x20;
        b[^1] = 10;
        Assert.True(RtpPacket.TryParse(b, out var p, out _));
        Assert.Equal(0, p.Payload.Length);
    }

    [Fact]
    public void TryParse_Oversized_IsDropped()
    {
        AssertDrop(Valid(payload: 1500), RtpDropReason.Oversized);
        Assert.True(RtpPacket.TryParse(Valid(payload: 1500), 2000, out _, out _));
    }

    [Fact]
    public void DropCounters_CountEachReasonSeparately()
    {
        var counters = new RtpDropCounters();
        foreach (var bytes in new[] { new byte[3], new byte[5], Valid(payload: 1500), Valid() })
        {
            _ = RtpPacket.TryParse(bytes, out _, out var reason);
            counters.Increment(reason);
        }

        Assert.Equal(2, counters.Get(RtpDropReason.TooShort));
        Assert.Equal(1, counters.Get(RtpDropReason.Oversized));
        Assert.Equal(3, counters.Total);
    }

    [Fact]
    public void TryParse_RandomBytes_NeverThrows()
    {
        Gen.Byte.Array[0, 1600].Sample(bytes =>
        {
            if (RtpPacket.TryParse(bytes, out var p, out var reason))
            {
                Assert.Equal(RtpDropReason.None, reason);
                Assert.True(p.Payload.Length + p.PaddingLength + p.Extension.Length + (4 * p.CsrcCount) <= bytes.Length);
            }
            else
            {
                Assert.NotEqual(RtpDropReason.None, reason);
            }
        }, iter: 20000);
    }

    [Fact]
    public void TryParse_RandomValidVersionHeaders_NeverThrow()
    {
        // Version 2 forced so that the deeper checks (CSRC, extension, padding) are reached.
        Gen.Byte.Array[12, 80].Sample(bytes =>
        {
            bytes[0] = (byte)((bytes[0] & 0x3F) | 0x80);
            _ = RtpPacket.TryParse(bytes, out _, out _);
        }, iter: 20000);
    }

    [Fact]
    public void WriteThenParse_RoundTripsAnyHeader()
    {
        var gen = Gen.Select(Gen.Byte[0, 127], Gen.UShort, Gen.UInt, Gen.UInt, Gen.Bool)
            .Select(Gen.UInt.Array[0, 15], Gen.Byte.Array[0, 200], (h, csrcs, payload) => (h, csrcs, payload));
        gen.Sample(t =>
        {
            var ((pt, seq, ts, ssrc, marker), csrcs, payload) = t;
            var header = new RtpHeader(pt, seq, ts, ssrc, marker);
            var buffer = new byte[RtpPacketWriter.GetLength(csrcs.Length, payload.Length)];
            var n = RtpPacketWriter.Write(buffer, header, payload, csrcs);
            Assert.Equal(buffer.Length, n);
            Assert.True(RtpPacket.TryParse(buffer, out var p, out _));
            Assert.Equal(header, p.Header);
            Assert.Equal(csrcs.Length, p.CsrcCount);
            Assert.True(p.Payload.SequenceEqual(payload));
        });
    }

    [Fact]
    public void TryParse_AllocatesNothing()
    {
        var bytes = Valid(csrcs: 1, extensionWords: 1);
        Assert.True(RtpPacket.TryParse(bytes, out _, out _));
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0;
        for (var i = 0; i < 1000; i++)
        {
            _ = RtpPacket.TryParse(bytes, out var p, out _);
            sum += p.Payload.Length;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(160_000, sum);
    }

    private static void AssertDrop(byte[] bytes, RtpDropReason expected)
    {
        Assert.False(RtpPacket.TryParse(bytes, out _, out var reason));
        Assert.Equal(expected, reason);
    }
}
