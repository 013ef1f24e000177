using System.Globalization;
using System.Text.Json;

namespace Gateway.Bench.Perf;

/// <summary>
/// GC pauses and media clock scheduling of a measured process: from the stations worker's last line (case e) or the
/// gateway's <c>/api/status</c> <c>runtime</c> object (cases b and c). MaxMs is null when the process saw no GC event.
/// </summary>
internal sealed record RuntimeFigures(string Scheduling, int GcCount, double PauseTotalMs, double? PauseMaxMs)
{
    /// <summary>Parses <c>runtime scheduling=fifo:15 gcCount=3 gcPauseTotalMs=1.2 gcPauseMaxMs=0.6 …</c>; null if it is not one.</summary>
    public static RuntimeFigures? FromWorkerLine(string? line)
    {
        if (line is null || !line.StartsWith(StationsWorker.RuntimeLine, StringComparison.Ordinal))
        {
            return null;
        }

        // The scheduling may hold spaces ("normal (EPERM)"): it runs up to the first " gc" field.
        var body = line[StationsWorker.RuntimeLine.Length..];
        var gcAt = body.IndexOf(" gcCount=", StringComparison.Ordinal);
        if (!body.StartsWith("scheduling=", StringComparison.Ordinal) || gcAt < 0)
        {
            return null;
        }

        var fields = body[(gcAt + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1], StringComparer.Ordinal);
        return fields.TryGetValue("gcCount", out var count) && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out var gcCount)
            && fields.TryGetValue("gcPauseTotalMs", out var total) && double.TryParse(total, NumberStyles.Float, CultureInfo.InvariantCulture, out var totalMs)
            ? new RuntimeFigures(body["scheduling=".Length..gcAt], gcCount, totalMs, fields.TryGetValue("gcPauseMaxMs", out var max) && double.TryParse(max, NumberStyles.Float, CultureInfo.InvariantCulture, out var maxMs) ? maxMs : null)
            : null;
    }

    /// <summary>Reads the <c>runtime</c> object of a <c>/api/status</c> body; null when the gateway has none.</summary>
    public static RuntimeFigures? FromStatus(JsonElement status)
    {
        if (!status.TryGetProperty("runtime", out var runtime) || runtime.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return new RuntimeFigures(
            runtime.TryGetProperty("mediaClockScheduling", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "unknown",
            runtime.GetProperty("gcCount").GetInt32(),
            runtime.GetProperty("gcPauseTotalMs").GetDouble(),
            runtime.TryGetProperty("gcPauseMaxMs", out var max) && max.ValueKind == JsonValueKind.Number ? max.GetDouble() : null);
    }

    /// <summary>
    /// GC pauses inside a window from two snapshots: a max cannot be subtracted, so the row gives the bound the
    /// snapshots allow: 0 without a GC, else the window's total pause (= the max when there was one GC).
    /// </summary>
    public PerfRow WindowRow(string subject, RuntimeFigures atStart)
    {
        var count = GcCount - atStart.GcCount;
        var total = PauseTotalMs - atStart.PauseTotalMs;
        return PerfRow.Single(subject, "max GC pause in the call window (≤)", "ms", count == 0 ? 0 : total,
            string.Create(CultureInfo.InvariantCulture, $"{count} GC(s) in the window, {total:F2} ms paused in all (an upper bound on the longest)"));
    }

    /// <summary>The "max GC pause" row (unavailable, with the reason, when no pause was seen).</summary>
    public PerfRow MaxPauseRow(string subject, string scope) => PauseMaxMs is { } max
        ? PerfRow.Single(subject, "max GC pause", "ms", max, string.Create(CultureInfo.InvariantCulture, $"{scope}; {GcCount} GCs, {PauseTotalMs:F1} ms paused in all; media clock {Scheduling}"))
        : GcCount == 0
            ? PerfRow.Single(subject, "max GC pause", "ms", 0, $"{scope}: no GC at all; media clock {Scheduling}")
            : PerfRow.Unavailable(subject, "max GC pause", "ms", $"{GcCount} GCs but no GC event reached the monitor (NativeAOT without EventSource support?); media clock {Scheduling}");
}
