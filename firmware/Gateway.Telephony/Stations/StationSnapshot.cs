using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Stations;

/// <summary>A station's state at one instant, as the status API shows it.</summary>
/// <param name="Id">Station id from the board file.</param>
/// <param name="Name">Human-readable station name.</param>
/// <param name="OffHook">Whether the handset is off-hook.</param>
/// <param name="Display">The display lines (empty when the station has no display).</param>
/// <param name="Ringing">Whether the ringer is ringing.</param>
/// <param name="Cadence">The cadence being rung, or <see langword="null"/>.</param>
/// <param name="Digits">Digits dialled since the handset went off-hook.</param>
/// <param name="Led">The status LED pattern, or <see langword="null"/> without a LED.</param>
/// <param name="Readers">The card readers bound to the station.</param>
/// <param name="Accounts">The accounts of the accepted cards with their registrations (public fields only); null when the host has no SIP.</param>
public sealed record StationSnapshot(
    string Id,
    string Name,
    bool OffHook,
    IReadOnlyList<string> Display,
    bool Ringing,
    string? Cadence,
    string Digits,
    string? Led,
    IReadOnlyList<ReaderSnapshot> Readers,
    IReadOnlyList<Gateway.Telephony.Accounts.AccountSnapshot>? Accounts = null)
{
    /// <summary>Gets the call in progress (direction, remote party, codec, duration, media counters), or null.</summary>
    public CallSnapshot? Call { get; init; }
}
