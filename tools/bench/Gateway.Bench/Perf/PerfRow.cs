namespace Gateway.Bench.Perf;

/// <summary>
/// One line of the report: what was measured on which subject, over how many runs, and the median with min and max.
/// A row that could not be measured in this run keeps null figures and says why in <see cref="Note"/>.
/// </summary>
internal sealed record PerfRow(string Subject, string Metric, string Unit, int Runs, double? Median, double? Min, double? Max, string? Note = null)
{
    public bool Available => Median is not null;

    /// <summary>Gets the 95th percentile (nearest rank), for rows whose runs are latency samples; null otherwise.</summary>
    public double? P95 { get; init; }

    public static PerfRow Unavailable(string subject, string metric, string unit, string reason) =>
        new(subject, metric, unit, 0, null, null, null, "not available in this run: " + reason);

    /// <summary>A single derived figure (e.g. a ratio of two medians).</summary>
    public static PerfRow Single(string subject, string metric, string unit, double value, string? note = null) =>
        double.IsFinite(value) ? new(subject, metric, unit, 1, value, value, value, note) : Unavailable(subject, metric, unit, note ?? "not a finite number");
}
