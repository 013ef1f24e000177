using System.Globalization;

namespace Gateway.Host.IntegrationTests;

/// <summary>p50/p95/max of a set of latencies in milliseconds (nearest-rank percentiles).</summary>
internal sealed record LatencyFigures(double P50, double P95, double Max)
{
    public static LatencyFigures Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new LatencyFigures(At(0.5), At(0.95), sorted[^1]);
    }

    public string Row(string label) =>
        string.Create(CultureInfo.InvariantCulture, $"{label,-44} {P50,8:F1} {P95,8:F1} {Max,8:F1}");
}
