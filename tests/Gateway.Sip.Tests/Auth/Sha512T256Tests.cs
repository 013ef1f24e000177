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
