using CsCheck;

namespace Gateway.SmartCard.Tests;

public class BerTlvTests
{
    [Fact]
    public void Encode_TwoByteTagShortLength_MatchesIsoLayout()
    {
        var tlv = BerTlv.Primitive(0xDF01, [0x01]);

        Assert.Equal(Convert.FromHexString("DF010101"), tlv.Encode());
    }

    [Theory]
    [InlineData(0x7F, "7F")]
    [InlineData(0x80, "8180")]
    [InlineData(0xFF, "81FF")]
    [InlineData(0x100, "820100")]
    [InlineData(0x10000, "83010000")]
    public void Encode_LongValue_UsesMinimalLongFormLength(int length, string expectedLengthHex)
    {
        var encoded = BerTlv.Primitive(0x04, new byte[length]).Encode();

        Assert.Equal(expectedLengthHex, Convert.ToHexString(encoded, 1, expectedLengthHex.Length / 2));
        Assert.Equal(1 + (expectedLengthHex.Length / 2) + length, encoded.Length);
    }

    [Fact]
    public void Decode_NestedConstructed_ReturnsTree()
    {
        var tlv = BerTlv.Decode(Convert.FromHexString("E108DF0101019F810100"));

        Assert.Equal(0xE1u, tlv.Tag);
        Assert.True(tlv.IsConstructed);
        Assert.Equal(2, tlv.Children.Count);
        Assert.Equal(0x9F8101u, tlv.Children[1].Tag);
        Assert.Equal(0, tlv.Children[1].Value.Length);
    }

    [Theory]
    [InlineData("")]
    [InlineData("DF")]
    [InlineData("DF01")]
    [InlineData("DF0102AA")]
    [InlineData("04820100")]
    [InlineData("0480")]
    [InlineData("0485FFFFFFFFFF")]
    [InlineData("00")]
    [InlineData("1F8181818101")]
    [InlineData("E103DF0105")]
    public void Decode_MalformedOrTruncated_ThrowsCardFormatException(string hex)
    {
        Assert.Throws<CardFormatException>(() => BerTlv.Decode(Convert.FromHexString(hex)));
    }

    [Fact]
    public void Decode_TrailingBytes_ThrowsCardFormatException()
    {
        Assert.Throws<CardFormatException>(() => BerTlv.Decode(Convert.FromHexString("040100FF")));
    }

    [Fact]
    public void Decode_DeepNesting_ThrowsCardFormatExceptionNotStackOverflow()
    {
        var depth = 5000;
        var bytes = new byte[depth * 2];
        for (var i = 0; i < depth; i++)
        {
            bytes[2 * i] = 0x30;
            bytes[(2 * i) + 1] = 0x81;
        }

        Assert.Throws<CardFormatException>(() => BerTlv.Decode(bytes));
    }

    [Fact]
    public void Primitive_ConstructedTag_Throws()
    {
        Assert.Throws<ArgumentException>(() => BerTlv.Primitive(0xE1, []));
    }

    [Fact]
    public void IsValidTag_MalformedContinuation_ReturnsFalse()
    {
        Assert.False(BerTlv.IsValidTag(0xDF81));
        Assert.False(BerTlv.IsValidTag(0x1F));
        Assert.True(BerTlv.IsValidTag(0x9F8101));
    }

    [Fact]
    public void DecodeEncode_GeneratedTlv_RoundTrips()
    {
        Generators.Tlv.Sample(tlv =>
        {
            var decoded = BerTlv.Decode(tlv.Encode());
            Assert.Equal(tlv, decoded);
            Assert.Equal(tlv.Encode(), decoded.Encode());
        });
    }

    [Fact]
    public void DecodeAll_RandomBytes_OnlyEverThrowsCardFormatException()
    {
        Gen.Byte.Array[0, 64].Sample(bytes =>
        {
            try
            {
                _ = BerTlv.DecodeAll(bytes);
            }
            catch (CardFormatException)
            {
            }
        }, iter: 20000);
    }
}
