using Gateway.Sip.Auth;

namespace Gateway.Sip.Tests.Auth;

public class DigestCalculatorTests
{
    [Theory]
    [InlineData(DigestHashFunction.Md5)]
    [InlineData(DigestHashFunction.Sha256)]
    [InlineData(DigestHashFunction.Sha512T256)]
    public void HashSize_EachHashFunction_EqualsHalfTheHexDigestLength(DigestHashFunction hash) =>
        Assert.Equal(DigestCalculator.Hash(hash, "x").Length / 2, DigestCalculator.HashSize(hash));

    [Fact]
    public void HashSize_UnknownHashFunction_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => DigestCalculator.HashSize((DigestHashFunction)99));
}
