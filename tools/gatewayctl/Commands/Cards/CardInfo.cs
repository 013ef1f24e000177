using Gateway.Sip.Auth;
using Gateway.SmartCard;
using Gateway.VirtualCard;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>The public contents of a card as <c>card show</c> prints them: never HA1 or PIN.</summary>
/// <param name="Serial">Card serial.</param>
/// <param name="Expiry">Last valid day (YYYY-MM-DD), or null for none.</param>
/// <param name="Kind">Applet, Storage or None.</param>
/// <param name="FollowMeNumber">E.164 follow-me number.</param>
/// <param name="SipAor">SIP address of record.</param>
/// <param name="AuthUser">Digest username.</param>
/// <param name="Realm">Digest realm.</param>
/// <param name="DisplayName">Display name, or null.</param>
/// <param name="Registrars">Primary then secondary registrar, as present.</param>
/// <param name="OutboundProxies">Primary then secondary outbound proxy, as present.</param>
/// <param name="Codecs">Codecs in preference order.</param>
/// <param name="RingCadence">Ring cadence name, or null.</param>
/// <param name="Language">Language, or null.</param>
/// <param name="DefaultDestination">Where calls go while away (voicemail URI or forward number), or null.</param>
/// <param name="CallFilters">Call filter rules in evaluation order.</param>
/// <param name="DefaultFilterAction">Action when no rule matches.</param>
/// <param name="SpeedDials">Speed dials.</param>
/// <param name="PinRequired">True when the card asks for a PIN.</param>
/// <param name="Algorithms">Digest algorithms the card answers.</param>
/// <param name="Problems">What the gateway would reject the card for (ProfileValidator); empty when usable.</param>
public sealed record CardInfo(
    string? Serial,
    string? Expiry,
    string Kind,
    string FollowMeNumber,
    string SipAor,
    string AuthUser,
    string Realm,
    string? DisplayName,
    IReadOnlyList<string> Registrars,
    IReadOnlyList<string> OutboundProxies,
    IReadOnlyList<string> Codecs,
    string? RingCadence,
    string? Language,
    string? DefaultDestination,
    IReadOnlyList<CallFilterRule> CallFilters,
    FilterAction DefaultFilterAction,
    IReadOnlyList<SpeedDial> SpeedDials,
    bool PinRequired,
    IReadOnlyList<string> Algorithms,
    IReadOnlyList<string> Problems)
{
    /// <summary>Copies the public fields of a card file.</summary>
    /// <param name="file">A card file whose mandatory parts are present.</param>
    /// <param name="todayUtc">Today, for the expiry check.</param>
    /// <returns>The printable view.</returns>
    public static CardInfo From(VirtualCardFile file, DateOnly todayUtc)
    {
        ArgumentNullException.ThrowIfNull(file);
        var p = file.Profile;
        var algorithms = file.Ha1.Keys
            .Select(k => DigestAlgorithm.TryParse(k, out var a) ? a.Name : k)
            .Order(StringComparer.Ordinal)
            .ToArray();
        return new CardInfo(
            p.CardSerial,
            p.Expiry?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            file.Kind.ToString(),
            p.FollowMeNumber,
            p.SipAor,
            p.AuthUser,
            p.Realm,
            p.DisplayName,
            Present(p.RegistrarPrimary, p.RegistrarSecondary),
            Present(p.OutboundProxyPrimary, p.OutboundProxySecondary),
            p.PreferredCodecs,
            p.RingCadence,
            p.Language,
            p.AwayVoicemailUri ?? p.AwayForwardNumber,
            p.CallFilters,
            p.DefaultFilterAction,
            p.SpeedDials,
            file.Kind == VirtualCardKind.Applet && file.Pin is not null,
            algorithms,
            ProfileValidator.Validate(p, todayUtc));
    }

    private static string[] Present(string? first, string? second) =>
        new[] { first, second }.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).ToArray();
}
