namespace Gateway.Sip.Auth;

/// <summary>The decision on a 401/407 and, when retrying, the credentials to send.</summary>
public sealed record DigestAuthorization
{
    /// <summary>What to do.</summary>
    public required DigestOutcome Outcome { get; init; }

    /// <summary>True when <see cref="Outcome"/> is <see cref="DigestOutcome.Retry"/>.</summary>
    public bool ShouldRetry => Outcome == DigestOutcome.Retry;

    /// <summary>"Authorization" for a 401, "Proxy-Authorization" for a 407; empty for other responses.</summary>
    public string HeaderName { get; init; } = string.Empty;

    /// <summary>
    /// One credentials value per challenged realm. The retried request carries exactly these lines of
    /// <see cref="HeaderName"/>, replacing the ones it had.
    /// </summary>
    public IReadOnlyList<string> HeaderValues { get; init; } = [];

    /// <summary>True when the retry answers stale=true: a fresh nonce, not a credentials failure.</summary>
    public bool IsStaleRetry { get; init; }

    /// <summary>Why no retry is possible; null on <see cref="DigestOutcome.Retry"/>.</summary>
    public string? FailureReason { get; init; }

    internal static DigestAuthorization Fail(DigestOutcome outcome, string headerName, string reason) =>
        new() { Outcome = outcome, HeaderName = headerName, FailureReason = reason };
}
