namespace Gateway.Telephony.Stations;

/// <summary>A card reader bound to a station.</summary>
/// <param name="Name">The PC/SC reader name.</param>
/// <param name="CardPresent">Whether a card is in the reader.</param>
public sealed record ReaderSnapshot(string Name, bool CardPresent);
