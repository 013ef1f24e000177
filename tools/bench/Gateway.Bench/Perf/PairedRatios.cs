namespace Gateway.Bench.Perf;

/// <summary>
/// Ratios of a candidate to the baseline measured right beside it (case h alternates them), so slow drift in the
/// machine's load cancels within each pair. The row is the median of the per-pair ratios, with their min and max.
/// </summary>
public static class PairedRatios
{
    /// <summary>
    /// candidate / baseline for each pair where both were measured and the baseline is above zero; null when no pair
    /// qualifies (then the report says the ratio is not available rather than inventing one).
    /// </summary>
    /// <param name="pairs">(baseline, candidate) values of one metric, one entry per alternation; null = not measured.</param>
    public static IReadOnlyList<double>? Of(IEnumerable<(double? Baseline, double? Candidate)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var ratios = pairs
            .Where(p => p.Baseline is > 0 && p.Candidate is { } c && double.IsFinite(c) && double.IsFinite(p.Baseline.Value))
            .Select(p => p.Candidate!.Value / p.Baseline!.Value)
            .ToList();
        return ratios.Count == 0 ? null : ratios;
    }
}
