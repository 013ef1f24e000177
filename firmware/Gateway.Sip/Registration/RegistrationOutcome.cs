namespace Gateway.Sip.Registration;

/// <summary>How one REGISTER exchange (with its challenges and 423 retries) ended.</summary>
/// <param name="StatusCode">The last final status, or null when no response came (e.g. no transport).</param>
/// <param name="Granted">The expiry granted to our contact on success; null on failure.</param>
/// <param name="Reason">Why it failed.</param>
internal readonly record struct RegistrationOutcome(int? StatusCode, TimeSpan? Granted, string? Reason)
{
    public bool Succeeded => StatusCode is >= 200 and < 300;

    public static RegistrationOutcome Fail(int? statusCode, string reason) => new(statusCode, null, reason);
}
