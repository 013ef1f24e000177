namespace Gateway.Bench.Perf;

/// <summary>One case of the suite (a-g): its rows, and notes on what exactly was measured.</summary>
internal sealed class PerfCase(string id, string title)
{
    public string Id { get; } = id;

    public string Title { get; } = title;

    public List<PerfRow> Rows { get; } = [];

    public List<string> Notes { get; } = [];

    /// <summary>Set when the case failed as a whole; its rows so far stay.</summary>
    public string? Error { get; set; }

    public void Add(PerfRow row) => Rows.Add(row);

    /// <summary>Adds numerator/denominator of two rows' medians as a ratio row (unavailable if either is).</summary>
    public void AddRatio(string subject, string metric, PerfRow? numerator, PerfRow? denominator)
    {
        if (numerator is { Median: { } n } && denominator is { Median: { } d } && d > 0)
        {
            Rows.Add(PerfRow.Single(subject, metric, "ratio", n / d, $"median {numerator.Subject} / median {denominator.Subject}"));
        }
        else
        {
            Rows.Add(PerfRow.Unavailable(subject, metric, "ratio", "one side was not measured"));
        }
    }
}
