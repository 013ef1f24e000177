using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Xunit.Abstractions;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// CI's smoke of <c>gateway-bench --perf --smoke</c>: the side-by-side suite runs a few seconds per case against the
/// real Kamailio, baresip, pcscd/vpcd and the built gateway, and every case (a-h) must produce numbers. The figures
/// themselves are printed, never judged. Case h (runtime settings) runs its smoke form: two candidates, one pair.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class PerfSmokeTests(PcscdFixture pcscd, ITestOutputHelper output)
{
    private static readonly string s_benchDll = Path.Combine(RepoPaths.Root, "tools", "bench", "Gateway.Bench", "bin", RepoPaths.Configuration, "net10.0", "gateway-bench.dll");

    [Fact]
    public async Task PerfSmoke_EveryCaseProducesFiniteNumbers()
    {
        pcscd.EnsureRunning();
        Assert.True(File.Exists(s_benchDll), $"build the solution first: {s_benchDll} is missing");
        var runDirectory = Directory.CreateTempSubdirectory("perf-smoke-").FullName;
        var json = Path.Combine(runDirectory, "report.json");
        var (exitCode, console) = await RunAsync(
            ["--gateway", RepoPaths.GatewayDll, "--perf", "--smoke", "--run-dir", runDirectory, "--json", json, "--report", Path.Combine(runDirectory, "report.md")],
            TimeSpan.FromSeconds(300));
        output.WriteLine(console);

        Assert.True(exitCode == 0, $"gateway-bench --perf --smoke exited with {exitCode}");
        Assert.True(File.Exists(json), "no JSON report was written");
        var text = await File.ReadAllTextAsync(json);
        Assert.DoesNotContain("NaN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", text, StringComparison.Ordinal);
        using var report = JsonDocument.Parse(text);
        var cases = report.RootElement.GetProperty("cases").EnumerateArray().ToDictionary(c => c.GetProperty("id").GetString()!);
        Assert.Equal(["a", "b", "c", "d", "e", "f", "g", "h"], cases.Keys.Order());
        foreach (var (id, perfCase) in cases)
        {
            Assert.False(perfCase.TryGetProperty("error", out var error), $"case {id} failed: {error}");
            var measured = perfCase.GetProperty("rows").EnumerateArray().Where(r => r.TryGetProperty("median", out _)).ToList();
            Assert.True(measured.Count > 0, $"case {id} produced no numbers");
            foreach (var row in measured)
            {
                foreach (var field in new[] { "median", "min", "max", "p95" })
                {
                    if (row.TryGetProperty(field, out var value))
                    {
                        Assert.True(double.IsFinite(value.GetDouble()), $"case {id}: {row}");
                    }
                    else
                    {
                        Assert.True(field == "p95", $"case {id} has no {field}: {row}");
                    }
                }

                Assert.True(row.GetProperty("runs").GetInt32() > 0, $"case {id}: {row}");
            }
        }

        // Case g is the station latencies from one capture: each of its four figures must have been paired.
        var latencies = cases["g"].GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(4, latencies.Count(r => r.TryGetProperty("p95", out _)));
        // Case e ran through the gateway host: every station of each bay sent its stream and got the echo back.
        var multi = cases["e"].GetProperty("rows").EnumerateArray().ToList();
        foreach (var n in new[] { 1, 2 })
        {
            var subject = $"gateway (JIT), {n} station(s)";
            var p999 = multi.Single(r => r.GetProperty("subject").GetString() == subject && r.GetProperty("metric").GetString() == "send-interval deviation p99.9");
            Assert.StartsWith($"{n} of {n} streams", p999.GetProperty("note").GetString(), StringComparison.Ordinal);
            var echo = multi.Single(r => r.GetProperty("subject").GetString() == subject && r.GetProperty("metric").GetString() == "packets received / sent (echo)");
            Assert.InRange(echo.GetProperty("median").GetDouble(), 0.5, 1.01);
        }

        // Case h: the stations child printed its GC line under both subjects, and every candidate got its ratio rows.
        var settings = cases["h"].GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(2, settings.Count(r => r.GetProperty("metric").GetString() == "media: GCs (all generations)" && r.TryGetProperty("median", out _)));
        Assert.Contains(settings, r => r.GetProperty("subject").GetString() == "DOTNET_gcConcurrent=1 / as shipped"
            && r.GetProperty("metric").GetString() == "media: CPU per call ratio" && r.TryGetProperty("median", out _));
        Assert.Contains("| Median |", await File.ReadAllTextAsync(Path.Combine(runDirectory, "report.md")), StringComparison.Ordinal);
        Directory.Delete(runDirectory, recursive: true);
    }

    private static async Task<(int ExitCode, string Console)> RunAsync(string[] args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        info.ArgumentList.Add(s_benchDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var console = new StringBuilder();
        var gate = new Lock();
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    console.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Append($"(killed after {timeout.TotalSeconds:F0} s)");
        }

        await process.WaitForExitAsync();
        lock (gate)
        {
            return (process.HasExited ? process.ExitCode : -1, console.ToString());
        }
    }
}
