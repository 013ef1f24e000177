namespace Gateway.Telephony.Stations;

/// <summary>What the board file says about a station, beyond its devices.</summary>
/// <param name="Id">Station id, unique on the box.</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Readers">PC/SC reader names bound to the station.</param>
/// <param name="IdleText">What the display shows while nobody uses the station.</param>
public sealed record StationIdentity(string Id, string Name, IReadOnlyList<string> Readers, IReadOnlyList<string> IdleText);
