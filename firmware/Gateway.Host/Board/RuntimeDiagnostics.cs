using Gateway.Media.Diagnostics;

namespace Gateway.Host.Board;

/// <summary>
/// Process-level figures for <c>GET /api/status</c>: GC pauses (the host wires the monitor at start) and how the
/// media clock threads are scheduled (set once the stations' audio runs).
/// </summary>
public sealed class RuntimeDiagnostics
{
    private volatile GcPauseMonitor? _gcPauses;
    private volatile string? _mediaClockScheduling;

    /// <summary>Gets or sets the GC pause monitor; null when the host runs without one (tests).</summary>
    public GcPauseMonitor? GcPauses
    {
        get => _gcPauses;
        set => _gcPauses = value;
    }

    /// <summary>Gets or sets the media clock's scheduling (<c>fifo:15</c> or <c>normal (why)</c>); null before audio runs.</summary>
    public string? MediaClockScheduling
    {
        get => _mediaClockScheduling;
        set => _mediaClockScheduling = value;
    }
}
