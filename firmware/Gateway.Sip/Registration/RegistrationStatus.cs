namespace Gateway.Sip.Registration;

/// <summary>A snapshot of a registration, published on every state change.</summary>
public sealed record RegistrationStatus
{
    /// <summary>The state.</summary>
    public required RegistrationState State { get; init; }

    /// <summary>The address of record.</summary>
    public required string Aor { get; init; }

    /// <summary>When the binding expires (Registered, Refreshing), from the expiry the registrar granted.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }

    /// <summary>When the next REGISTER goes out: the refresh (Registered) or the retry (Failed).</summary>
    public DateTimeOffset? RetryAt { get; init; }

    /// <summary>The status code of the last final response (a local 408 or 503 on timeout or transport failure).</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why the last attempt failed (Failed only).</summary>
    public string? Reason { get; init; }

    /// <summary>Consecutive failed attempts; 0 after a success.</summary>
    public int ConsecutiveFailures { get; init; }

    /// <inheritdoc/>
    public override string ToString() => State switch
    {
        RegistrationState.Registered => $"{Aor}: Registered until {ExpiresAt:O}, refresh at {RetryAt:O}",
        RegistrationState.Failed => $"{Aor}: Failed ({StatusCode}: {Reason}), retry at {RetryAt:O}",
        _ => $"{Aor}: {State}",
    };
}
