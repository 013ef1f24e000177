using CsCheck;

namespace Gateway.Rtp.Tests;

public class TelephoneEventTests
{
    [Fact]
    public void Read_Rfc4733Example_DigitFiveEnd()
    {
        // Event 5, E=1, volume 10, duration 800.
        Assert.True(TelephoneEvent.TryRead([5, 0x8A, 0x03, 0x20], out var e));
        Assert.Equal(new TelephoneEvent(5, true, 10, 800), e);
        Assert.Equal('5', e.Digit);
    }

    [Theory]
    [InlineData(10, '*')]
    [InlineData(11, '#')]
    [InlineData(12, 'A')]
    [InlineData(15, 'D')]
    public void Digit_NamesTheKey(byte code, char digit) => Assert.Equal(digit, new TelephoneEvent(code, false, 0, 0).Digit);

    [Fact]
    public void Digit_ToneEvent_IsNull() => Assert.Null(new TelephoneEvent(32, false, 0, 0).Digit);

    [Fact]
    public void TryRead_Short_IsFalse() => Assert.False(TelephoneEvent.TryRead([1, 2, 3], out _));

    [Fact]
    public void Write_ReservedBitIsZero()
    {
        var b = new byte[4];
        new TelephoneEvent(1, false, 63, 1).Write(b);
        Assert.Equal(0x3F, b[1]);
    }

    [Fact]
    public void Write_VolumeAbove63_Throws() => Assert.Throws<InvalidOperationException>(() => new TelephoneEvent(1, false, 64, 1).Write(new byte[4]));

    [Fact]
    public void WriteThenRead_RoundTrips()
    {
        Gen.Select(Gen.Byte, Gen.Bool, Gen.Byte[0, 63], Gen.UShort).Sample((ev, end, vol, dur) =>
        {
            var value = new TelephoneEvent(ev, end, vol, dur);
            var b = new byte[4];
            value.Write(b);
            Assert.True(TelephoneEvent.TryRead(b, out var back));
            Assert.Equal(value, back);
        });
    }
}
