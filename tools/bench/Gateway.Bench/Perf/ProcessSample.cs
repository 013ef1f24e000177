using System.Globalization;

namespace Gateway.Bench.Perf;

/// <summary>
/// One reading of a process from /proc: CPU seconds used so far (utime + stime) and resident memory (VmRSS, the peak
/// VmHWM, and RssAnon: the private anonymous part, without the file pages of the executable and libraries that RSS also
/// counts), in kB. Read at the start and end of each window, so the process is never disturbed.
/// </summary>
internal sealed record ProcessSample(double CpuSeconds, long RssKb, long HwmKb, long RssAnonKb, long WhenTicks)
{
    // USER_HZ is 100 on every Linux this targets (x86-64 and arm64); /proc/<pid>/stat counts in it.
    private const double TicksPerSecond = 100;

    /// <summary>Reads /proc/<paramref name="pid"/>; throws <see cref="InvalidOperationException"/> when it is gone.</summary>
    public static ProcessSample Read(int pid)
    {
        string stat, status;
        try
        {
            stat = File.ReadAllText($"/proc/{pid}/stat");
            status = File.ReadAllText($"/proc/{pid}/status");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"process {pid} is gone ({ex.Message})", ex);
        }

        // The command name in parentheses may hold spaces; the numeric fields start after the last ')'.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var utime = long.Parse(fields[11], CultureInfo.InvariantCulture);
        var stime = long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessSample((utime + stime) / TicksPerSecond, StatusKb(status, "VmRSS:"), StatusKb(status, "VmHWM:"), StatusKb(status, "RssAnon:"), Environment.TickCount64);
    }

    /// <summary>CPU use between two samples as a percentage of one core.</summary>
    public static double CpuPercent(ProcessSample start, ProcessSample end)
    {
        var seconds = (end.WhenTicks - start.WhenTicks) / 1000.0;
        return seconds <= 0 ? 0 : 100 * (end.CpuSeconds - start.CpuSeconds) / seconds;
    }

    private static long StatusKb(string status, string key)
    {
        foreach (var line in status.Split('\n'))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var number = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(number, CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
