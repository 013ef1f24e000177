namespace Gateway.SmartCard.PcscLite;

/// <summary>Timing of <see cref="PcscReaderMonitor"/>.</summary>
public sealed class PcscReaderMonitorOptions
{
    /// <summary>First retry delay after pcscd is lost. Default 100 ms.</summary>
    public TimeSpan InitialBackoff { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Longest retry delay. Default 5 s.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Upper bound of one SCardGetStatusChange wait. Cancellation uses SCardCancel, so this only bounds how long a
    /// silently dead daemon can go unnoticed. Default 2 s.
    /// </summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Clock for the backoff timers and event timestamps.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
