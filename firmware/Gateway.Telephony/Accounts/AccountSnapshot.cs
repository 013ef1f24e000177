namespace Gateway.Telephony.Accounts;

/// <summary>An inserted card's account as the status API shows it: public fields only, never a secret.</summary>
/// <param name="Reader">The reader the card is in.</param>
/// <param name="User">The user's display name (alias).</param>
/// <param name="Number">The follow-me number.</param>
/// <param name="Registration">The registration, or null before it started.</param>
public sealed record AccountSnapshot(string Reader, string User, string Number, RegistrationSnapshot? Registration);
