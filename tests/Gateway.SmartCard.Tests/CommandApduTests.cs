using CsCheck;

namespace Gateway.SmartCard.Tests;

public class CommandApduTests
{
    [Theory]
    [InlineData(0, 0, "00A40400")]
    [InlineData(0, 256, "00A4040000")]
    [InlineData(0, 16, "00A4040010")]
    [InlineData(2, 0, "00A404000201FF")]
    [InlineData(2, 256, "00A404000201FF00")]
    [InlineData(0, 257, "00A40400000101")]
    [InlineData(0, 65536, "00A40400000000")]
    [InlineData(2, 65536, "00A4040000000201FF0000")]
    public void ToBytes_EachIsoCase_EncodesAsSpecified(int lc, int ne, string expected)
    {
        var data = lc == 0 ? [] : new byte[] { 0x01, 0xFF };
        var apdu = new CommandApdu(0x00, 0xA4, 0x04, 0x00, data, ne);

        Assert.Equal(expected, Convert.ToHexString(apdu.ToBytes()));
    }

    [Fact]
    public void ToBytes_DataLongerThan255_UsesExtendedLcAndLe()
    {
        var apdu = new CommandApdu(0x80, 0x88, 0, 0, new byte[300], 256);
        var bytes = apdu.ToBytes();

        Assert.True(apdu.IsExtended);
        Assert.Equal(4 + 3 + 300 + 2, bytes.Length);
        Assert.Equal([0x00, 0x01, 0x2C], bytes[4..7]);
        Assert.Equal([0x01, 0x00], bytes[^2..]);
    }

    [Theory]
    [InlineData("00A4")]
    [InlineData("00A4040005AA")]
    [InlineData("00A40400000005AA")]
    [InlineData("00A4040000")]
    public void Parse_Malformed_ThrowsCardFormatException(string hex)
    {
        if (hex == "00A4040000")
        {
            // Five bytes is a valid case 2S (Le = 256), not an error.
            Assert.Equal(256, CommandApdu.Parse(Convert.FromHexString(hex)).Ne);
            return;
        }

        Assert.Throws<CardFormatException>(() => CommandApdu.Parse(Convert.FromHexString(hex)));
    }

    [Fact]
    public void ParseToBytes_GeneratedCommands_RoundTrip()
    {
        var gen = Gen.Select(Gen.Byte, Gen.Byte, Gen.Byte.Array[0, 600], Gen.OneOf(Gen.Int[0, 300], Gen.Int[0, 65536]));
        gen.Sample((ins, p1, data, ne) =>
        {
            var apdu = new CommandApdu(0x00, ins, p1, 0x01, data, ne);
            Assert.Equal(apdu, CommandApdu.Parse(apdu.ToBytes()));
        });
    }

    [Fact]
    public void Parse_RandomBytes_OnlyEverThrowsCardFormatException()
    {
        Gen.Byte.Array[0, 20].Sample(bytes =>
        {
            try
            {
                _ = CommandApdu.Parse(bytes);
            }
            catch (CardFormatException)
            {
            }
        }, iter: 20000);
    }

    [Fact]
    public void ResponseApduParse_OneByte_ThrowsCardFormatException()
    {
        Assert.Throws<CardFormatException>(() => ResponseApdu.Parse([0x90]));
    }

    [Fact]
    public void ResponseApduParse_DataAndStatus_SplitsThem()
    {
        var response = ResponseApdu.Parse([0x01, 0x02, 0x63, 0xC2]);

        Assert.Equal([0x01, 0x02], response.Data.ToArray());
        Assert.Equal(0x63C2, response.StatusWord);
        Assert.False(response.IsSuccess);
    }
}
