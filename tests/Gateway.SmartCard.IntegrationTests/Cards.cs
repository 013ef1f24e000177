using System.Security.Cryptography;
using System.Text;
using Gateway.Sip.Auth;
using Gateway.VirtualCard;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary>Card personalizations; HA1 and expected responses computed with the BCL, independently of the gateway code.</summary>
internal static class Cards
{
    public const string Password = "s3cret-Pa55";
    public const string Pin = "2468";

    public static AccountProfile Profile { get; } = new()
    {
        FollowMeNumber = "+351211234567",
        SipAor = "sip:traveller@voip.example",
        AuthUser = "traveller",
        Realm = "voip.example",
        DisplayName = "T. Raveller",
        RegistrarPrimary = "sip:127.0.0.1:5060",
        PreferredCodecs = ["PCMA", "PCMU"],
        CallFilters = [new CallFilterRule { CallerPattern = "anonymous", Action = FilterAction.Voicemail }],
        SpeedDials = [new SpeedDial("Home", "+351219999999")],
        Expiry = new DateOnly(2099, 1, 1),
    };

    public static VirtualCard.VirtualCard Applet(string protocol = "T1", string? pin = Pin, int? pullAtApdu = null) => Applet(Profile, Password, protocol, pin, pullAtApdu);

    /// <summary>An applet card for <paramref name="profile"/> whose HA1s are made from <paramref name="password"/>.</summary>
    public static VirtualCard.VirtualCard Applet(AccountProfile profile, string password, string protocol = "T1", string? pin = Pin, int? pullAtApdu = null) =>
        VirtualCard.VirtualCard.Create(new VirtualCardFile
        {
            Kind = VirtualCardKind.Applet,
            Protocol = protocol,
            Pin = pin,
            PullAtApdu = pullAtApdu,
            Profile = profile,
            Ha1 = new Dictionary<string, string>
            {
                ["MD5"] = Convert.ToHexString(MD5.HashData(Ha1Input(profile, password))),
                ["SHA-256"] = Convert.ToHexString(SHA256.HashData(Ha1Input(profile, password))),
            },
        });

    public static VirtualCard.VirtualCard Foreign() => VirtualCard.VirtualCard.Create(new VirtualCardFile { Kind = VirtualCardKind.None });

    public static DigestRequest Challenge(string algorithm) => new()
    {
        Algorithm = DigestAlgorithm.TryParse(algorithm, out var parsed) ? parsed : throw new ArgumentException(algorithm, nameof(algorithm)),
        Username = Profile.AuthUser,
        Realm = Profile.Realm,
        Nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)),
        Method = "REGISTER",
        DigestUri = "sip:voip.example",
        Qop = "auth",
        NonceCount = "00000001",
        Cnonce = "c0ffee42",
    };

    public static string Expected(string algorithm, DigestRequest c)
    {
        Func<byte[], byte[]> h = algorithm == "MD5" ? MD5.HashData : SHA256.HashData;
        string Hex(string s) => Convert.ToHexStringLower(h(Encoding.UTF8.GetBytes(s)));
        var ha1 = Hex($"{Profile.AuthUser}:{Profile.Realm}:{Password}");
        return Hex($"{ha1}:{c.Nonce}:{c.NonceCount}:{c.Cnonce}:{c.Qop}:{Hex($"{c.Method}:{c.DigestUri}")}");
    }

    private static byte[] Ha1Input(AccountProfile profile, string password) => Encoding.UTF8.GetBytes($"{profile.AuthUser}:{profile.Realm}:{password}");
}
