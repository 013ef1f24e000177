namespace Gateway.Bench.Perf;

/// <summary>
/// CPU and memory of several processes over the same consecutive windows: /proc is read at the start and end of each
/// window only, so the measurement costs the processes nothing.
/// </summary>
internal static class ProcessWindow
{
    /// <summary>Per process: CPU % of one core for each window, RSS (MiB) at the end of each, and CPU seconds in all.</summary>
    public static async Task<Dictionary<string, ProcessFigures>> MeasureAsync(IReadOnlyDictionary<string, int> processes, TimeSpan window, int windows, CancellationToken ct)
    {
        var figures = processes.ToDictionary(p => p.Key, _ => new ProcessFigures());
        var first = processes.ToDictionary(p => p.Key, p => ProcessSample.Read(p.Value));
        var previous = first;
        for (var i = 0; i < windows; i++)
        {
            await Task.Delay(window, ct);
            var now = processes.ToDictionary(p => p.Key, p => ProcessSample.Read(p.Value));
            foreach (var (name, sample) in now)
            {
                figures[name].CpuPercent.Add(ProcessSample.CpuPercent(previous[name], sample));
                figures[name].RssMiB.Add(sample.RssKb / 1024.0);
                figures[name].RssAnonMiB.Add(sample.RssAnonKb / 1024.0);
                figures[name].HwmMiB = sample.HwmKb / 1024.0;
                figures[name].CpuSeconds = sample.CpuSeconds - first[name].CpuSeconds;
                figures[name].WallSeconds = (sample.WhenTicks - first[name].WhenTicks) / 1000.0;
            }

            previous = now;
        }

        return figures;
    }
}
