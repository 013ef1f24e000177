namespace Gateway.Bench.Perf;

/// <summary>Send-interval deviations |interval − ptime| in milliseconds, pooled over all streams of a capture.</summary>
internal sealed record PacingFigures(int Streams, int Intervals, double P50, double P99, double P999, double Max)
{
    public static PacingFigures Of(IReadOnlyList<(int SourcePort, double Seconds)> packets, double ptimeMs)
    {
        var deviations = new List<double>();
        var streams = 0;
        foreach (var stream in packets.GroupBy(p => p.SourcePort))
        {
            streams++;
            var times = stream.Select(p => p.Seconds).Order().ToArray();
            for (var i = 1; i < times.Length; i++)
            {
                deviations.Add(Math.Abs(((times[i] - times[i - 1]) * 1000) - ptimeMs));
            }
        }

        if (deviations.Count == 0)
        {
            throw new InvalidOperationException($"the capture holds no packet interval ({packets.Count} packets)");
        }

        return new PacingFigures(streams, deviations.Count, Figures.Percentile(deviations, 0.5), Figures.Percentile(deviations, 0.99), Figures.Percentile(deviations, 0.999), deviations.Max());
    }

    /// <summary>The report rows: p50, p99, p99.9 and max, each over every interval captured.</summary>
    public IEnumerable<PerfRow> Rows(string subject)
    {
        var note = $"{Streams} stream(s), {Intervals} intervals";
        yield return new PerfRow(subject, "send-interval deviation p50", "ms", Intervals, P50, P50, P50, note);
        yield return new PerfRow(subject, "send-interval deviation p99", "ms", Intervals, P99, P99, P99, note);
        yield return new PerfRow(subject, "send-interval deviation p99.9", "ms", Intervals, P999, P999, P999, note);
        yield return new PerfRow(subject, "send-interval deviation max", "ms", Intervals, Max, Max, Max, note);
    }
}
