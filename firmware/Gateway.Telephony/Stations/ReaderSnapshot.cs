namespace Gateway.Telephony.Stations;

/// <summary>A card reader bound to a station.</summary>
/// <param name="Name">The PC/SC reader name.</param>
/// <param name="CardPresent">Whether a card is in the reader.</param>
/// <param name="User">The card holder's display name once the card is accepted, else <see langword="null"/>. Never a secret.</param>
/// <param name="Number">The card's follow-me number once the card is accepted, else <see langword="null"/>.</param>
public sealed record ReaderSnapshot(string Name, bool CardPresent, string? User = null, string? Number = null);
