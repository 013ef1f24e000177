namespace Gateway.Bench.Perf;

/// <summary>
/// Case a: idle CPU and RSS of a gateway registered with one card, and of baresip registered with one account, over
/// the same windows (each window is one run of the median/min/max).
/// </summary>
internal static class IdleCase
{
    public static void Describe(PerfContext context, PerfCase result) =>
        result.Notes.Add($"{context.Durations.IdleWindows} windows of {context.Durations.IdleWindow.TotalSeconds:F0} s after registration; CPU % of one core per window from /proc/<pid>/stat (utime+stime); RSS from /proc/<pid>/status at the end of each window, peak (VmHWM) at the end. RSS counts the file pages of the executable and its libraries that are mapped in (shared page cache, and the kernel maps code around each fault, so a NativeAOT gateway's RSS holds most of its 15 MiB image); 'idle RSS, anonymous' (RssAnon) is the memory the process holds itself.");

    /// <summary>Measures the given registered subjects side by side and adds their rows.</summary>
    public static async Task<Dictionary<string, ProcessFigures>> MeasureAsync(PerfContext context, PerfCase result, IReadOnlyDictionary<string, int> subjects, CancellationToken ct)
    {
        var figures = await ProcessWindow.MeasureAsync(subjects, context.Durations.IdleWindow, context.Durations.IdleWindows, ct);
        foreach (var (name, f) in figures)
        {
            result.Add(Figures.Row(name, "idle CPU", "% of a core", f.CpuPercent));
            result.Add(Figures.Row(name, "idle RSS", "MiB", f.RssMiB, $"peak {f.HwmMiB:F1} MiB"));
            result.Add(Figures.Row(name, "idle RSS, anonymous", "MiB", f.RssAnonMiB));
        }

        return figures;
    }

    /// <summary>Adds gateway/baresip ratios of the medians.</summary>
    public static void AddRatios(PerfCase result, string gateway, string baresip)
    {
        PerfRow? Find(string subject, string metric) => result.Rows.FirstOrDefault(r => r.Subject == subject && r.Metric == metric);
        result.AddRatio($"{gateway} / {baresip}", "idle CPU ratio", Find(gateway, "idle CPU"), Find(baresip, "idle CPU"));
        result.AddRatio($"{gateway} / {baresip}", "idle RSS ratio", Find(gateway, "idle RSS"), Find(baresip, "idle RSS"));
        result.AddRatio($"{gateway} / {baresip}", "idle RSS, anonymous, ratio", Find(gateway, "idle RSS, anonymous"), Find(baresip, "idle RSS, anonymous"));
    }
}
