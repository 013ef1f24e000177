using Gateway.Sip.Auth;
using Gateway.SmartCard;

namespace Gateway.Telephony.Accounts;

/// <summary>
/// The account of one inserted card, as the telephony layer uses it: who the user is, how calls to them ring and
/// are filtered, and how calls they place are authenticated (by the card). It holds no secret itself; the
/// authenticator asks the card. <see cref="Wipe"/> forgets everything when the card comes out.
/// </summary>
public sealed class FollowMeAccount
{
    /// <summary>Gets the reader the card is in.</summary>
    public required string Reader { get; init; }

    /// <summary>Gets the station the reader belongs to.</summary>
    public required string StationId { get; init; }

    /// <summary>Gets the user's display name (alias); shown, never secret.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Gets the follow-me number (E.164).</summary>
    public required string FollowMeNumber { get; init; }

    /// <summary>Gets the user's SIP address of record, e.g. "sip:alice@127.0.0.1".</summary>
    public required string Aor { get; init; }

    /// <summary>
    /// Gets the user part of this account's Contact at the box. It is unique per inserted card and random, so an
    /// incoming INVITE's Request-URI names exactly one account (no broadcasting), and a stale one names none.
    /// </summary>
    public required string ContactUser { get; init; }

    /// <summary>Gets the card profile (filters, cadence, speed dials, codecs, away destinations).</summary>
    public required AccountProfile Profile { get; init; }

    /// <summary>Gets the digest authenticator answered by the card, for REGISTER and for the user's calls.</summary>
    public required DigestAuthenticator Authenticator { get; init; }

    /// <summary>Gets a value indicating whether the card has been removed and the account wiped.</summary>
    public bool IsWiped { get; private set; }

    /// <summary>Raised once, when the account is wiped (card removed).</summary>
    public event EventHandler? Wiped;

    /// <summary>Marks the account gone and tells its users to drop every reference and cached copy.</summary>
    public void Wipe()
    {
        if (IsWiped)
        {
            return;
        }

        IsWiped = true;
        Wiped?.Invoke(this, EventArgs.Empty);
    }
}
