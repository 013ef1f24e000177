namespace Gateway.Bench.Perf;

/// <summary>Order statistics of a set of measurements: nearest-rank percentiles, median, min and max.</summary>
internal static class Figures
{
    /// <summary>Nearest-rank percentile (<paramref name="q"/> in 0..1) of a non-empty set.</summary>
    public static double Percentile(IReadOnlyCollection<double> values, double q)
    {
        if (values.Count == 0)
        {
            throw new InvalidOperationException("no values to take a percentile of");
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(q * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>A report row's median, min and max over the given runs.</summary>
    public static PerfRow Row(string subject, string metric, string unit, IReadOnlyCollection<double> runs, string? note = null) =>
        runs.Count == 0
            ? PerfRow.Unavailable(subject, metric, unit, note ?? "no run produced a value")
            : new PerfRow(subject, metric, unit, runs.Count, Percentile(runs, 0.5), runs.Min(), runs.Max(), note);
}
