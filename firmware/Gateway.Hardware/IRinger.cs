namespace Gateway.Hardware;

/// <summary>The telephone bell (a ringer relay or a SLIC's ring generator).</summary>
public interface IRinger : IDisposable
{
    /// <summary>Starts ringing with a cadence (restarting if already ringing). Refused while off-hook.</summary>
    /// <param name="cadence">The cadence.</param>
    void Start(RingCadence cadence);

    /// <summary>Stops ringing immediately; harmless when not ringing.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "Name fixed by the host contract; no VB consumers.")]
    void Stop();

    /// <summary>True from <see cref="Start"/> until <see cref="Stop"/> or ring trip, including bell-off segments.</summary>
    bool IsRinging { get; }

    /// <summary>The cadence being played, or null.</summary>
    RingCadence? Cadence { get; }
}
