using System.Security.Cryptography;
using System.Text;
using Gateway.Sip.Auth;
using V = Gateway.Sip.Tests.Auth.DigestVectors;

namespace Gateway.Sip.Tests.Auth;

public class DigestResponderTests
{
    private static DigestRequest Rfc(DigestAlgorithm algorithm) => new()
    {
        Algorithm = algorithm,
        Username = V.Username,
        Realm = V.Realm,
        Nonce = V.Nonce,
        Method = V.Method,
        DigestUri = V.Uri,
        Qop = "auth",
        NonceCount = "00000001",
        Cnonce = V.Cnonce,
    };

    private static string Sha512T256Hex(string text) => Convert.ToHexStringLower(Sha512T256.HashData(Encoding.UTF8.GetBytes(text)));

    [Fact]
    public async Task PasswordResponder_Rfc7616Md5Example_MatchesPublishedResponse()
    {
        var response = await new PasswordDigestResponder(V.Username, V.Password).RespondAsync(Rfc(DigestAlgorithm.Md5), default);

        Assert.Equal(V.Md5Response, response.Response);
    }

    [Fact]
    public async Task PasswordResponder_Rfc7616Sha256Example_MatchesPublishedResponse()
    {
        var response = await new PasswordDigestResponder(V.Username, V.Password).RespondAsync(Rfc(DigestAlgorithm.Sha256), default);

        Assert.Equal(V.Sha256Response, response.Response);
    }

    [Fact]
    public async Task PasswordResponder_Sha512T256_MatchesFormulaComputedHere()
    {
        var ha1 = Sha512T256Hex($"{V.Username}:{V.Realm}:{V.Password}");
        var ha2 = Sha512T256Hex($"{V.Method}:{V.Uri}");
        var expected = Sha512T256Hex($"{ha1}:{V.Nonce}:00000001:{V.Cnonce}:auth:{ha2}");

        var response = await new PasswordDigestResponder(V.Username, V.Password).RespondAsync(Rfc(DigestAlgorithm.Sha512T256), default);

        Assert.Equal(expected, response.Response);
        Assert.Equal(64, response.Response.Length);
    }

    [Fact]
    public async Task PasswordResponder_Md5Sess_FoldsNonceAndCnonceIntoHa1()
    {
        var ha1 = Md5Hex($"{Md5Hex($"{V.Username}:{V.Realm}:{V.Password}")}:{V.Nonce}:{V.Cnonce}");
        var expected = Md5Hex($"{ha1}:{V.Nonce}:00000001:{V.Cnonce}:auth:{Md5Hex($"{V.Method}:{V.Uri}")}");

        var response = await new PasswordDigestResponder(V.Username, V.Password).RespondAsync(Rfc(DigestAlgorithm.Md5Sess), default);

        Assert.Equal(expected, response.Response);
    }

    [Fact]
    public async Task PasswordResponder_NoQop_GivesRfc2069Response()
    {
        var request = Rfc(DigestAlgorithm.Md5) with { Qop = null, NonceCount = null, Cnonce = null };
        var expected = Md5Hex($"{Md5Hex($"{V.Username}:{V.Realm}:{V.Password}")}:{V.Nonce}:{Md5Hex($"{V.Method}:{V.Uri}")}");

        var response = await new PasswordDigestResponder(V.Username, V.Password).RespondAsync(request, default);

        Assert.Equal(expected, response.Response);
    }

    [Fact]
    public async Task PasswordResponder_OtherUsername_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() =>
            new PasswordDigestResponder("alice", V.Password).RespondAsync(Rfc(DigestAlgorithm.Md5), default).AsTask());

    [Fact]
    public void PasswordResponder_ToString_DoesNotContainPassword() =>
        Assert.DoesNotContain(V.Password, new PasswordDigestResponder(V.Username, V.Password).ToString(), StringComparison.Ordinal);

    [Theory]
    [InlineData(DigestHashFunction.Md5, V.Md5Response)]
    [InlineData(DigestHashFunction.Sha256, V.Sha256Response)]
    public async Task Ha1Responder_StoredHa1_GivesSameResponseAsPassword(DigestHashFunction hash, string expected)
    {
        var ha1 = DigestCalculator.Ha1(hash, V.Username, V.Realm, V.Password);
        var responder = new Ha1DigestResponder(V.Username, V.Realm, new Dictionary<DigestHashFunction, string> { [hash] = ha1.ToUpperInvariant() });

        var response = await responder.RespondAsync(Rfc(new DigestAlgorithm(hash, false)), default);

        Assert.Equal(expected, response.Response);
    }

    [Fact]
    public void Ha1Responder_Supports_OnlyStoredHashFunctions()
    {
        var responder = new Ha1DigestResponder(V.Username, V.Realm,
            new Dictionary<DigestHashFunction, string> { [DigestHashFunction.Md5] = new string('a', 32) });

        Assert.True(responder.Supports(DigestHashFunction.Md5));
        Assert.False(responder.Supports(DigestHashFunction.Sha256));
    }

    [Fact]
    public async Task Ha1Responder_OtherRealm_Throws()
    {
        var responder = new Ha1DigestResponder(V.Username, "other.example",
            new Dictionary<DigestHashFunction, string> { [DigestHashFunction.Md5] = new string('a', 32) });

        await Assert.ThrowsAsync<ArgumentException>(() => responder.RespondAsync(Rfc(DigestAlgorithm.Md5), default).AsTask());
    }

    [Theory]
    [InlineData(DigestHashFunction.Md5, 31)]
    [InlineData(DigestHashFunction.Sha256, 32)]
    public void Ha1Responder_WrongLengthHa1_Throws(DigestHashFunction hash, int length) =>
        Assert.Throws<ArgumentException>(() => new Ha1DigestResponder(V.Username, V.Realm,
            new Dictionary<DigestHashFunction, string> { [hash] = new string('0', length) }));

    [Fact]
    public void Ha1Responder_NonHexHa1_Throws() =>
        Assert.Throws<ArgumentException>(() => new Ha1DigestResponder(V.Username, V.Realm,
            new Dictionary<DigestHashFunction, string> { [DigestHashFunction.Md5] = new string('g', 32) }));

    [Theory]
    [InlineData("md5", "MD5")]
    [InlineData("MD5-sess", "MD5-sess")]
    [InlineData("sha-256", "SHA-256")]
    [InlineData("SHA-512-256-SESS", "SHA-512-256-sess")]
    public void DigestAlgorithm_TryParse_KnownNames_RoundTrip(string input, string name)
    {
        Assert.True(DigestAlgorithm.TryParse(input, out var algorithm));
        Assert.Equal(name, algorithm.Name);
    }

    [Theory]
    [InlineData("SHA-1")]
    [InlineData("AKAv1-MD5")]
    [InlineData("-sess")]
    [InlineData("")]
    public void DigestAlgorithm_TryParse_UnknownNames_ReturnsFalse(string input) =>
        Assert.False(DigestAlgorithm.TryParse(input, out _));

    private static string Md5Hex(string text)
    {
#pragma warning disable CA5351 // The digest being tested is defined over MD5.
        return Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351
    }
}
