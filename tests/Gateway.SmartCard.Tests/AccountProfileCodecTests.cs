using CsCheck;
using Gateway.Sip.Auth;

namespace Gateway.SmartCard.Tests;

public class AccountProfileCodecTests
{
    [Fact]
    public void Decode_EncodedExample_ReturnsEqualProfile()
    {
        var encoded = AccountProfileCodec.Encode(TestProfiles.Alice);

        Assert.Equal(TestProfiles.Alice, AccountProfileCodec.Decode(encoded));
        Assert.Equal(0xE1, encoded[0]);
    }

    [Fact]
    public void DecodeEncode_RejectBusyAction_RoundTripsAsByte04()
    {
        var profile = TestProfiles.Alice with
        {
            CallFilters = [new CallFilterRule { CallerPattern = "*", Action = FilterAction.RejectBusy }],
            DefaultFilterAction = FilterAction.RejectBusy,
        };

        var encoded = AccountProfileCodec.Encode(profile);

        Assert.Equal(profile, AccountProfileCodec.Decode(encoded));
        var hex = Convert.ToHexString(encoded);
        Assert.Contains("DF260104", hex, StringComparison.Ordinal);

        // The next value is no action: a card from a newer issuer is refused, not misread.
        var unknown = Convert.FromHexString(hex.Replace("DF260104", "DF260105", StringComparison.Ordinal));
        Assert.Throws<CardFormatException>(() => AccountProfileCodec.Decode(unknown));
    }

    [Fact]
    public void Encode_Example_UsesDocumentedTags()
    {
        var tlv = BerTlv.Decode(AccountProfileCodec.Encode(TestProfiles.Alice));

        Assert.Equal([1], tlv.Find(ProfileTags.FormatVersion)!.Value.ToArray());
        Assert.Equal("20301231"u8.ToArray(), tlv.Find(ProfileTags.Expiry)!.Value.ToArray());
        Assert.Equal("+4930123456"u8.ToArray(), tlv.Find(ProfileTags.FollowMeNumber)!.Value.ToArray());
        var rule = tlv.Find(ProfileTags.CallFilters)!.Children[1];
        Assert.Equal([0x02, 0x1C], rule.Find(ProfileTags.WindowStart)!.Value.ToArray());
        Assert.Equal([0x1F], rule.Find(ProfileTags.Days)!.Value.ToArray());
        Assert.Null(tlv.Find(ProfileTags.Ha1Set));
    }

    [Fact]
    public void DecodeEncode_GeneratedProfiles_RoundTrip()
    {
        Generators.Profile.Sample(profile =>
        {
            var decoded = AccountProfileCodec.Decode(AccountProfileCodec.Encode(profile));
            Assert.Equal(profile, decoded);
        }, iter: 2000);
    }

    [Fact]
    public void Decode_WithStorageSecrets_ReturnsHa1()
    {
        using var secrets = new CardSecrets();
        secrets.SetHa1(DigestHashFunction.Md5, Enumerable.Range(1, 16).Select(i => (byte)i).ToArray());
        var encoded = AccountProfileCodec.Encode(TestProfiles.Alice, secrets);

        var profile = AccountProfileCodec.Decode(encoded, out var read);

        using (read)
        {
            Assert.Equal(TestProfiles.Alice, profile);
            Assert.NotNull(read);
            Assert.True(read.TryGetHa1(DigestHashFunction.Md5, out var ha1));
            Assert.Equal(16, ha1.Span[15]);
            Assert.False(read.TryGetHa1(DigestHashFunction.Sha256, out _));
        }
    }

    [Fact]
    public void CardSecretsDispose_Always_ZeroesHa1InPlace()
    {
        var secrets = new CardSecrets();
        secrets.SetHa1(DigestHashFunction.Sha256, Enumerable.Repeat((byte)0xAB, 32).ToArray());
        secrets.TryGetHa1(DigestHashFunction.Sha256, out var held);

        secrets.Dispose();

        Assert.All(held.ToArray(), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData("DF0101017F")]
    [InlineData("E103DF0102")]
    [InlineData("E104DF010102")]
    [InlineData("E104DF100141")]
    [InlineData("E108DF010101DF030130")]
    [InlineData("E10EDF010101FF2007FF2104DF2301FF")]
    [InlineData("E111DF010101FF200AFF2107DF230101DF2201")]
    public void Decode_Corrupt_ThrowsCardFormatException(string hex)
    {
        var bytes = Convert.FromHexString(hex);

        Assert.Throws<CardFormatException>(() => AccountProfileCodec.Decode(bytes));
    }

    [Fact]
    public void Decode_DuplicateMandatoryTag_ThrowsCardFormatException()
    {
        var bytes = Convert.FromHexString("E10EDF010101DF100141DF100142");
        Assert.Throws<CardFormatException>(() => AccountProfileCodec.Decode(bytes));
    }

    [Fact]
    public void Decode_InvalidUtf8_ThrowsCardFormatException()
    {
        var bytes = Convert.FromHexString("E108DF010101DF1001FF");
        Assert.Throws<CardFormatException>(() => AccountProfileCodec.Decode(bytes));
    }

    [Fact]
    public void Decode_UnknownTag_IsSkipped()
    {
        var bytes = Convert.FromHexString("E10DDF010101DF7F03414243DF1000");

        Assert.Equal("", AccountProfileCodec.Decode(bytes).FollowMeNumber);
    }

    [Fact]
    public void Decode_TruncationsAndBitFlipsOfValidRecord_OnlyEverThrowCardFormatException()
    {
        var valid = AccountProfileCodec.Encode(TestProfiles.Alice);
        Gen.Select(Gen.Int[0, valid.Length], Gen.Int[0, valid.Length - 1], Gen.Byte).Sample((cut, flipAt, flip) =>
        {
            var bytes = valid.ToArray();
            bytes[flipAt] ^= flip;
            try
            {
                _ = AccountProfileCodec.Decode(bytes.AsSpan(0, cut));
            }
            catch (CardFormatException)
            {
            }
        }, iter: 20000);
    }

    [Fact]
    public void Decode_RandomBytes_OnlyEverThrowsCardFormatException()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            try
            {
                _ = AccountProfileCodec.Decode(bytes, out var secrets);
                secrets?.Dispose();
            }
            catch (CardFormatException)
            {
            }
        }, iter: 20000);
    }
}
