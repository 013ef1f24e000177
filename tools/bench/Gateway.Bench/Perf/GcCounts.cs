using System.Globalization;

namespace Gateway.Bench.Perf;

/// <summary>
/// The garbage collector's own counts in a process: collections per generation and the total pause, as the stations
/// worker prints them when it stops (<c>gc gen0=N gen1=N gen2=N pause-ms=X</c>), so case h can compare settings.
/// </summary>
/// <param name="Gen0">Collections of generation 0 (every collection counts here, whatever its generation).</param>
/// <param name="Gen1">Collections of generation 1 (including the generation 2 ones).</param>
/// <param name="Gen2">Collections of generation 2.</param>
/// <param name="PauseMs">Total time the runtime was paused for collections, in milliseconds.</param>
public sealed record GcCounts(int Gen0, int Gen1, int Gen2, double PauseMs)
{
    private const string Prefix = "gc ";

    /// <summary>Gets this process's counts now.</summary>
    public static GcCounts Current() =>
        new(GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration().TotalMilliseconds);

    /// <summary>The one-line form the worker prints.</summary>
    public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Prefix}gen0={Gen0} gen1={Gen1} gen2={Gen2} pause-ms={PauseMs:F3}");

    /// <summary>
    /// Parses <see cref="ToLine"/>'s form; null for any other line (a missing, repeated, negative or unknown field,
    /// or a count that does not fit), so a worker that died half-way is reported as "no GC figures", never as zero.
    /// </summary>
    public static GcCounts? TryParse(string? line)
    {
        if (line is null || !line.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in line[Prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !fields.TryAdd(part[..equals], part[(equals + 1)..]))
            {
                return null;
            }
        }

        if (fields.Count != 4
            || !TryCount(fields, "gen0", out var gen0) || !TryCount(fields, "gen1", out var gen1) || !TryCount(fields, "gen2", out var gen2)
            || !fields.TryGetValue("pause-ms", out var pauseText)
            || !double.TryParse(pauseText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var pause)
            || !double.IsFinite(pause))
        {
            return null;
        }

        return new GcCounts(gen0, gen1, gen2, pause);
    }

    private static bool TryCount(Dictionary<string, string> fields, string key, out int count)
    {
        count = 0;
        return fields.TryGetValue(key, out var text) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count);
    }
}
