namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>What <c>subscriber remove --json</c> prints.</summary>
/// <param name="User">SIP username.</param>
/// <param name="Realm">Realm it was removed from.</param>
/// <param name="Removed">Always true; a missing user is an error.</param>
public sealed record SubscriberRemoval(string User, string Realm, bool Removed);
