using System.Security.Cryptography;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.VirtualCard;

namespace Gateway.SmartCard.Tests;

/// <summary>Virtual card personalizations for tests. HA1 for MD5/SHA-256 is computed here with the BCL, independently of the code under test.</summary>
internal static class TestCards
{
    public const string Password = "Circle of Life";
    public const string Pin = "1234";

    public static VirtualCardFile Applet(AccountProfile? profile = null, string? pin = Pin, string protocol = "T1") => new()
    {
        Kind = VirtualCardKind.Applet,
        Protocol = protocol,
        Pin = pin,
        Ha1 = Ha1(profile ?? TestProfiles.Alice),
        Profile = profile ?? TestProfiles.Alice,
    };

    public static VirtualCardFile Storage(AccountProfile? profile = null) => new()
    {
        Kind = VirtualCardKind.Storage,
        Ha1 = Ha1(profile ?? TestProfiles.Alice),
        Profile = profile ?? TestProfiles.Alice,
    };

    public static VirtualCardFile Foreign() => new() { Kind = VirtualCardKind.None };

    public static Dictionary<string, string> Ha1(AccountProfile profile)
    {
        var input = Encoding.UTF8.GetBytes($"{profile.AuthUser}:{profile.Realm}:{Password}");
        return new Dictionary<string, string>
        {
            ["MD5"] = Convert.ToHexString(MD5.HashData(input)),
            ["SHA-256"] = Convert.ToHexString(SHA256.HashData(input)),
            ["SHA-512-256"] = Convert.ToHexString(Sha512T256.HashData(input)),
        };
    }

    /// <summary>Independent RFC 7616 response (qop=auth) for MD5 / SHA-256 from the password.</summary>
    public static string ExpectedResponse(string algorithm, AccountProfile profile, DigestRequest input)
    {
        Func<byte[], byte[]> h = algorithm == "MD5" ? MD5.HashData : SHA256.HashData;
        string Hex(string s) => Convert.ToHexStringLower(h(Encoding.UTF8.GetBytes(s)));
        var ha1 = Hex($"{profile.AuthUser}:{profile.Realm}:{Password}");
        var ha2 = Hex($"{input.Method}:{input.DigestUri}");
        return Hex($"{ha1}:{input.Nonce}:{input.NonceCount}:{input.Cnonce}:{input.Qop}:{ha2}");
    }

    public static DigestRequest Challenge(string algorithm, string realm) => new()
    {
        Algorithm = DigestAlgorithm.TryParse(algorithm, out var parsed) ? parsed : throw new ArgumentException(algorithm, nameof(algorithm)),
        Username = TestProfiles.Alice.AuthUser,
        Realm = realm,
        Nonce = "dcd98b7102dd2f0e8b11d0f600bfb0c093",
        Method = "REGISTER",
        DigestUri = "sip:example.org",
        Qop = "auth",
        NonceCount = "00000001",
        Cnonce = "0a4f113b",
    };
}
