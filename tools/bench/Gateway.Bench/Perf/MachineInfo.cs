using System.Diagnostics;

namespace Gateway.Bench.Perf;

/// <summary>The report's header: the machine and the versions of everything measured.</summary>
internal sealed record MachineInfo(string Kernel, int Cores, string CpuModel, long MemoryKb, string DotnetVersion, string BaresipVersion, string KamailioVersion, string TsharkVersion)
{
    public static async Task<MachineInfo> CollectAsync(CancellationToken ct)
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memory = File.Exists("/proc/meminfo")
            ? File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal))
            : null;
        return new MachineInfo(
            await FirstLineAsync("uname", ["-srm"], null, ct),
            Environment.ProcessorCount,
            cpu ?? "unknown",
            memory is null ? 0 : long.Parse(memory.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture),
            await FirstLineAsync("dotnet", ["--version"], null, ct),
            await FirstLineAsync("baresip", ["-h"], "baresip v", ct),
            await FirstLineAsync("kamailio", ["-v"], "version:", ct),
            await FirstLineAsync("tshark", ["-v"], "TShark", ct));
    }

    /// <summary>The first output line (or the first containing <paramref name="marker"/>); "unknown" if the tool fails.</summary>
    private static async Task<string> FirstLineAsync(string file, string[] args, string? marker, CancellationToken ct)
    {
        try
        {
            var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
            using var process = Process.Start(info);
            if (process is null)
            {
                return "unknown";
            }

            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync(ct);
            var error = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            await process.WaitForExitAsync(timeout.Token);
            var lines = ((await output) + "\n" + (await error)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var line = marker is null ? lines.FirstOrDefault() : lines.FirstOrDefault(l => l.Contains(marker, StringComparison.OrdinalIgnoreCase));
            // baresip's banner goes on with its copyright; the version is what the report needs.
            var copyright = line?.IndexOf(" Copyright", StringComparison.Ordinal) ?? -1;
            return line is null ? "unknown" : copyright > 0 ? line[..copyright] : line;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or OperationCanceledException or InvalidOperationException)
        {
            return "unknown";
        }
    }
}
