using Gateway.NetworkServer;
using Gateway.SmartCard;
using Gateway.VirtualCard;

namespace Gateway.Host.IntegrationTests;

/// <summary>Virtual applet cards for subscribers of a test Kamailio, without PIN, so timings hold no keypad typing.</summary>
internal static class SipCards
{
    public static VirtualCardFile For(string user, string password, string realm, string number, string? registrar = null, string? cadence = null,
        Func<AccountProfile, AccountProfile>? shape = null) => new()
    {
        Kind = VirtualCardKind.Applet,
        Pin = null,
        Ha1 = new Dictionary<string, string> { ["MD5"] = DigestHa1.Md5(user, realm, password) },
        Profile = (shape ?? (p => p))(new AccountProfile
        {
            CardSerial = "FM-" + user,
            FollowMeNumber = number,
            SipAor = $"sip:{user}@{realm}",
            AuthUser = user,
            Realm = realm,
            DisplayName = "T. " + user,
            RegistrarPrimary = registrar,
            PreferredCodecs = ["PCMU"],
            RingCadence = cadence,
        }),
    };

    public static Task<VirtualCardConnection> InsertAsync(VirtualCardFile file, int reader = 0) =>
        VirtualCardConnection.ConnectAsync(VirtualCard.VirtualCard.Create(file), "127.0.0.1", Cards.BenchCardReaders.FirstVpcdPort + reader, default);
}
