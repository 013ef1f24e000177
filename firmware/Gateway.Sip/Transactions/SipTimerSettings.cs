namespace Gateway.Sip.Transactions;

/// <summary>
/// RFC 3261 Table 4 timer values (RFC 6026 adds L and M). Immutable: a stack gets one instance, so
/// tests and deployments never share mutable globals.
/// </summary>
public sealed record SipTimerSettings
{
    /// <summary>T1 500 ms, T2 4 s, T4 5 s, D 32 s, 100 Trying after 200 ms.</summary>
    public static SipTimerSettings Default { get; } = new();

    /// <summary>RTT estimate; base of A, E, G and of every 64*T1 timeout.</summary>
    public TimeSpan T1 { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Maximum retransmission interval for non-INVITE requests and INVITE responses.</summary>
    public TimeSpan T2 { get; init; } = TimeSpan.FromSeconds(4);

    /// <summary>Maximum time a message stays in the network; timers I and K on UDP.</summary>
    public TimeSpan T4 { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Timer D on UDP: how long a client INVITE transaction absorbs final-response retransmissions (at least 32 s).</summary>
    public TimeSpan TimerD { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>
    /// A server INVITE transaction sends 100 Trying when the TU has not answered within this time
    /// (RFC 3261 §17.2.1 allows 200 ms). Zero sends it at once.
    /// </summary>
    public TimeSpan TryingDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>64*T1: timers B, F, H, J, L and M.</summary>
    public TimeSpan Timeout64 => T1 * 64;
}
