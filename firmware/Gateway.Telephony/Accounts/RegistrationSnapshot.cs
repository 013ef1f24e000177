namespace Gateway.Telephony.Accounts;

/// <summary>One account's registration as the status API shows it.</summary>
/// <param name="State">unregistered, registering, registered, refreshing, failed or unregistering.</param>
/// <param name="Registrar">The registrar's URI.</param>
/// <param name="ExpiresInSeconds">Seconds until the binding lapses (registered, refreshing).</param>
/// <param name="StatusCode">The last final status code.</param>
/// <param name="Reason">Why the last attempt failed.</param>
/// <param name="RetryAt">When the next REGISTER goes out (refresh or retry).</param>
public sealed record RegistrationSnapshot(string State, string Registrar, int? ExpiresInSeconds, int? StatusCode, string? Reason, DateTimeOffset? RetryAt);
