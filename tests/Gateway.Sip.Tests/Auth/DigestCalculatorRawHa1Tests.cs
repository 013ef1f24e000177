using Gateway.Sip.Auth;
using V = Gateway.Sip.Tests.Auth.DigestVectors;

namespace Gateway.Sip.Tests.Auth;

/// <summary>The byte-HA1 overload of <see cref="DigestCalculator.Response(DigestRequest, ReadOnlySpan{byte})"/>.</summary>
public class DigestCalculatorRawHa1Tests
{
    [Theory]
    [InlineData(DigestHashFunction.Md5, V.Md5Response)]
    [InlineData(DigestHashFunction.Sha256, V.Sha256Response)]
    public void Response_RawHa1_MatchesRfc7616Vectors(DigestHashFunction hash, string expected)
    {
        var ha1 = Convert.FromHexString(DigestCalculator.Ha1(hash, V.Username, V.Realm, V.Password));

        Assert.Equal(expected, DigestCalculator.Response(Request(new DigestAlgorithm(hash, false), "auth"), ha1));
    }

    [Theory]
    [InlineData(DigestHashFunction.Md5, false, "auth")]
    [InlineData(DigestHashFunction.Md5, true, "auth")]
    [InlineData(DigestHashFunction.Md5, false, null)]
    [InlineData(DigestHashFunction.Sha256, true, "auth")]
    [InlineData(DigestHashFunction.Sha512T256, false, "auth")]
    [InlineData(DigestHashFunction.Sha512T256, true, "auth-int")]
    public void Response_RawHa1_EqualsHexHa1Overload(DigestHashFunction hash, bool session, string? qop)
    {
        var hex = DigestCalculator.Ha1(hash, V.Username, V.Realm, V.Password);
        var request = Request(new DigestAlgorithm(hash, session), qop);

        Assert.Equal(DigestCalculator.Response(request, hex.ToUpperInvariant()), DigestCalculator.Response(request, Convert.FromHexString(hex)));
    }

    [Fact]
    public void Response_RawHa1OfWrongLength_Throws()
    {
        var request = Request(new DigestAlgorithm(DigestHashFunction.Sha256, false), "auth");

        Assert.Throws<ArgumentException>(() => DigestCalculator.Response(request, new byte[16]));
    }

    [Fact]
    public void Response_RawHa1_LeavesCallersBytesUntouched()
    {
        var ha1 = Convert.FromHexString(DigestCalculator.Ha1(DigestHashFunction.Md5, V.Username, V.Realm, V.Password));
        var copy = ha1.ToArray();

        DigestCalculator.Response(Request(new DigestAlgorithm(DigestHashFunction.Md5, true), "auth"), ha1);

        Assert.Equal(copy, ha1);
    }

    private static DigestRequest Request(DigestAlgorithm algorithm, string? qop) => new()
    {
        Algorithm = algorithm,
        Username = V.Username,
        Realm = V.Realm,
        Nonce = V.Nonce,
        Method = V.Method,
        DigestUri = V.Uri,
        Qop = qop,
        NonceCount = "00000001",
        Cnonce = V.Cnonce,
    };
}
