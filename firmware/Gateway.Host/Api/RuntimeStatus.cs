namespace Gateway.Host.Api;

/// <summary>The process in <c>GET /api/status</c>: GC pauses since start and the media clock's scheduling.</summary>
/// <param name="GcCount">Collections since start.</param>
/// <param name="GcPauseTotalMs">Total GC pause since start, in ms (the runtime's own figure).</param>
/// <param name="GcPauseMaxMs">Longest single GC pause since start, in ms; null when the runtime's GC events are not available (NativeAOT without EventSource support) or none happened yet.</param>
/// <param name="MediaClockScheduling">How the media clock threads run: <c>fifo:15</c> or <c>normal (why)</c>; null before the stations' audio runs.</param>
public sealed record RuntimeStatus(int GcCount, double GcPauseTotalMs, double? GcPauseMaxMs, string? MediaClockScheduling);
