using System.Security.Cryptography;
using Gateway.Sip.Auth;
using Gateway.SmartCard;

namespace Gateway.Telephony.Accounts;

/// <summary>Turns an accepted card session into the account the telephony layer uses.</summary>
public static class FollowMeAccountFactory
{
    /// <summary>The prefix of every Contact user part the box hands out, so one is recognisable in logs and traces.</summary>
    public const string ContactUserPrefix = "fm-";

    /// <summary>Creates the account of a card just accepted in <paramref name="reader"/>.</summary>
    /// <param name="session">The live card session; it stays owned by the caller, which disposes it on removal.</param>
    /// <param name="reader">The reader the card is in.</param>
    /// <param name="stationId">The station the reader belongs to.</param>
    /// <returns>The account with a fresh random Contact user and the card as its digest responder.</returns>
    /// <exception cref="ObjectDisposedException">The session has already ended (the card came out).</exception>
    public static FollowMeAccount Create(CardSession session, string reader, string stationId)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentException.ThrowIfNullOrEmpty(reader);
        ArgumentException.ThrowIfNullOrEmpty(stationId);
        var profile = session.Profile;
        return new FollowMeAccount
        {
            Reader = reader,
            StationId = stationId,
            DisplayName = session.DisplayName,
            FollowMeNumber = profile.FollowMeNumber,
            Aor = profile.SipAor,
            ContactUser = NewContactUser(),
            Profile = profile,
            Authenticator = new DigestAuthenticator(profile.AuthUser, session.DigestResponder),
        };
    }

    /// <summary>A new Contact user part: 64 random bits, so a stale or guessed one names no account.</summary>
    /// <returns>E.g. <c>fm-3f9a0c1d5e7b2a44</c>.</returns>
    public static string NewContactUser() => ContactUserPrefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
}
