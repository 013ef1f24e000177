using System.Text;

namespace Gateway.SmartCard.Tests;

public class DigestCalculatorTests
{
    // RFC 7616 §3.9.1 example.
    private static readonly DigestChallengeInput s_rfcInput = new(
        "MD5", "http-auth@example.org", "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", "GET", "/dir/index.html",
        "auth", "00000001", "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ");

    [Theory]
    [InlineData(DigestAlgorithm.Md5, "8ca523f5e9506fed4657c9700eebdbec")]
    [InlineData(DigestAlgorithm.Sha256, "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1")]
    public void ComputeResponse_Rfc7616Example_MatchesPublishedResponse(DigestAlgorithm algorithm, string expected)
    {
        var ha1 = DigestCalculator.ComputeHa1(algorithm, "Mufasa", "http-auth@example.org", "Circle of Life");

        var response = DigestCalculator.ComputeResponse(algorithm, ha1, s_rfcInput);

        Assert.Equal(expected, Convert.ToHexStringLower(response));
    }

    [Theory]
    [InlineData("abc", "53048e2681941ef99b2e29b76b4c7dabe4c2d0c634fc6d46e0e2f13107e7af23")]
    [InlineData("", "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")]
    public void Hash_Sha512T256KnownVectors_Match(string input, string expected)
    {
        Assert.Equal(expected, Convert.ToHexStringLower(DigestCalculator.Hash(DigestAlgorithm.Sha512T256, Encoding.ASCII.GetBytes(input))));
    }

    [Theory]
    [InlineData('x', 111, "79a6132b3c9df0f7dfcb5c9c3c663d829a6e7f1c26440afa4eb49cfef669c8ea")]
    [InlineData('x', 112, "5349e8f46fcc4e650fe93ee6cd1459ff00c27733cc6f86c1925ceef63bece149")]
    [InlineData('a', 1000, "40eb4a70d4d69815407a9e272f0101cd67e3d11262a4a0bfc087712749c7fb53")]
    public void Hash_Sha512T256PaddingBoundaries_MatchOpenSsl(char c, int count, string expected)
    {
        // Expected values from OpenSSL's sha512_256; 111/112 bytes straddle the one-or-two padding block boundary.
        Assert.Equal(expected, Convert.ToHexStringLower(DigestCalculator.Hash(DigestAlgorithm.Sha512T256, Encoding.ASCII.GetBytes(new string(c, count)))));
    }

    [Fact]
    public void ComputeResponse_NoQop_UsesRfc2069Form()
    {
        var ha1 = DigestCalculator.ComputeHa1(DigestAlgorithm.Md5, "bob", "r", "pw");
        var input = new DigestChallengeInput("MD5", "r", "n1", "REGISTER", "sip:r", null, null, null);

        var ha2 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData("REGISTER:sip:r"u8));
        var expected = System.Security.Cryptography.MD5.HashData(Encoding.ASCII.GetBytes($"{Convert.ToHexStringLower(ha1)}:n1:{ha2}"));

        Assert.Equal(expected, DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, ha1, input));
    }

    [Fact]
    public void ComputeResponse_QopAuthInt_Throws()
    {
        var input = s_rfcInput with { Qop = "auth-int" };

        Assert.Throws<ArgumentException>(() => DigestCalculator.ComputeResponse(DigestAlgorithm.Md5, new byte[16], input));
    }

    [Theory]
    [InlineData("MD5", DigestAlgorithm.Md5)]
    [InlineData("sha-256", DigestAlgorithm.Sha256)]
    [InlineData("SHA-512-256", DigestAlgorithm.Sha512T256)]
    [InlineData(null, DigestAlgorithm.Md5)]
    public void TryParse_KnownTokens_Parse(string? token, DigestAlgorithm expected)
    {
        Assert.True(DigestAlgorithmNames.TryParse(token, out var algorithm));
        Assert.Equal(expected, algorithm);
    }

    [Fact]
    public void TryParse_SessVariant_IsRejected()
    {
        Assert.False(DigestAlgorithmNames.TryParse("MD5-sess", out _));
    }
}
