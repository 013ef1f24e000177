using System.Security.Cryptography;
using Gateway.NetworkServer;
using Gateway.Sip.Auth;
using Gateway.SmartCard;
using Gateway.VirtualCard;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Builds the card personalization of <c>card new</c>: the profile plus HA1 per algorithm, never the password.</summary>
internal static class CardIssuer
{
    /// <summary>The hash functions the network server stores an HA1 for (Kamailio's ha1 and ha1_sha256 columns).</summary>
    public static readonly DigestHashFunction[] Algorithms = [DigestHashFunction.Md5, DigestHashFunction.Sha256];

    public static VirtualCardFile Build(CardNewSettings settings, string password)
    {
        FollowMeNumber.TryNormalize(settings.Number, out var number);
        var user = settings.Subscriber!;
        var realm = settings.Realm!;
        var profile = new AccountProfile
        {
            CardSerial = settings.Serial ?? "FM-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)),
            Expiry = settings.ExpiryDate,
            FollowMeNumber = number!,
            SipAor = $"sip:{user}@{realm}",
            AuthUser = user,
            Realm = realm,
            DisplayName = settings.DisplayName,
            RegistrarPrimary = settings.Registrar,
            PreferredCodecs = ["PCMA", "PCMU"],
            RingCadence = settings.Cadence,
            DefaultFilterAction = FilterAction.Ring,
        };
        return new VirtualCardFile
        {
            Kind = VirtualCardKind.Applet,
            Pin = settings.Pin,
            Ha1 = Algorithms.ToDictionary(a => new DigestAlgorithm(a, false).Name, a => DigestCalculator.Ha1(a, user, realm, password)),
            Profile = profile,
        };
    }
}
