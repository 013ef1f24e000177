using System.Security.Cryptography;
using System.Text;
using Gateway.Sip.Auth;

namespace Gateway.Sip.Tests.Auth;

public class Sha512T256Tests
{
    [Theory]
    // FIPS 180-4 examples (NIST CSRC "SHA512_256.pdf"): one block and two blocks.
    [InlineData("abc", "53048E2681941EF99B2E29B76B4C7DABE4C2D0C634FC6D46E0E2F13107E7AF23")]
    [InlineData("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
        "3928E184FB8690F840DA3988121D31BE65CB9D3EF83EE6146FEAC861E19B563A")]
    public void HashData_FipsExample_MatchesPublishedDigest(string message, string expected) =>
        Assert.Equal(expected, Convert.ToHexString(Sha512T256.HashData(Encoding.ASCII.GetBytes(message))));

    [Theory]
    [InlineData("", 0, "c672b8d1ef56ed28ab87c3622c5114069bdd3ad7b8f9737498d0c01ecef0967a")]
    [InlineData("x", 111, "79a6132b3c9df0f7dfcb5c9c3c663d829a6e7f1c26440afa4eb49cfef669c8ea")]
    [InlineData("x", 112, "5349e8f46fcc4e650fe93ee6cd1459ff00c27733cc6f86c1925ceef63bece149")]
    [InlineData("a", 1000, "40eb4a70d4d69815407a9e272f0101cd67e3d11262a4a0bfc087712749c7fb53")]
    public void HashData_PaddingBoundaries_MatchOpenSsl(string fill, int count, string expected)
    {
        // Expected values from OpenSSL's sha512_256; 111/112 bytes straddle the one-or-two padding block boundary.
        var message = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat(fill, count)));

        Assert.Equal(expected, Convert.ToHexStringLower(Sha512T256.HashData(message)));
    }

    [Fact]
    public void HashData_Abc_DiffersFromTruncatedSha512()
    {
        var abc = "abc"u8;

        Assert.NotEqual(SHA512.HashData(abc)[..32], Sha512T256.HashData(abc));
    }

    [Fact]
    public void HashData_LengthsAroundPaddingBoundaries_AreDistinctAnd32Bytes()
    {
        // 111/112 bytes decide between one and two padding blocks; 128/129 cross a full block.
        var digests = new[] { 0, 1, 55, 111, 112, 113, 127, 128, 129, 255, 256, 1000 }
            .Select(n => Convert.ToHexString(Sha512T256.HashData(new byte[n])))
            .ToList();

        Assert.All(digests, d => Assert.Equal(64, d.Length));
        Assert.Equal(digests.Count, digests.Distinct().Count());
    }
}
