namespace Gateway.Bench.Perf;

/// <summary>What <see cref="ProcessWindow"/> measured for one process.</summary>
internal sealed class ProcessFigures
{
    public List<double> CpuPercent { get; } = [];

    public List<double> RssMiB { get; } = [];

    /// <summary>Gets RssAnon (MiB) at the end of each window: what the process itself holds, without shared file pages.</summary>
    public List<double> RssAnonMiB { get; } = [];

    public double HwmMiB { get; set; }

    /// <summary>Gets or sets the CPU seconds used over all windows together.</summary>
    public double CpuSeconds { get; set; }

    public double WallSeconds { get; set; }
}
