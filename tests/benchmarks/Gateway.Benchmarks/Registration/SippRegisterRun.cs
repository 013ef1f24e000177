using System.Diagnostics;
using System.Globalization;

namespace Gateway.Benchmarks.Registration;

/// <summary>Runs SIPp once over every account of the environment, at most <c>limit</c> registrations in flight.</summary>
public static class SippRegisterRun
{
    public static async Task<RegisterRunResult> RunAsync(RegistrationBenchEnvironment env, int limit)
    {
        // bash's "times" reports the CPU time SIPp used (its second line: children's user and system time).
        var info = new ProcessStartInfo("bash")
        {
            WorkingDirectory = env.WorkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            "-c", "sipp \"$@\"; rc=$?; times >&2; exit $rc", "sipp",
            $"127.0.0.1:{env.Server.Port.ToString(CultureInfo.InvariantCulture)}",
            "-sf", env.ScenarioPath, "-inf", env.UsersCsvPath,
            "-i", "127.0.0.1", "-p", env.SippPort.ToString(CultureInfo.InvariantCulture),
            "-m", env.Count.ToString(CultureInfo.InvariantCulture),
            "-l", limit.ToString(CultureInfo.InvariantCulture),
            "-r", "100000", "-rp", "1000",
            "-nostdin", "-timeout", "60", "-timeout_error", "-trace_err",
        })
        {
            info.ArgumentList.Add(a);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        clock.Stop();
        var errors = await stderr;
        var cpu = ChildCpu(errors);
        var screen = await stdout + errors;
        // SIPp exits 0 only when every call succeeded.
        var completed = process.ExitCode == 0 ? env.Count : SuccessfulCalls(screen);
        return new RegisterRunResult("SIPp", completed, env.Count - completed, clock.Elapsed, cpu, process.ExitCode == 0 ? null : screen);
    }

    private static TimeSpan ChildCpu(string times)
    {
        var lines = times.TrimEnd().Split('\n');
        var total = TimeSpan.Zero;
        foreach (var part in lines[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "0m0.123s"
            var m = part.IndexOf('m', StringComparison.Ordinal);
            if (m > 0 && part.EndsWith('s')
                && int.TryParse(part[..m], NumberStyles.Integer, CultureInfo.InvariantCulture, out var minutes)
                && double.TryParse(part[(m + 1)..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            {
                total += TimeSpan.FromMinutes(minutes) + TimeSpan.FromSeconds(seconds);
            }
        }

        return total;
    }

    private static int SuccessfulCalls(string screen)
    {
        foreach (var line in screen.Split('\n'))
        {
            if (line.Contains("Successful call", StringComparison.Ordinal))
            {
                var parts = line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length >= 3 && int.TryParse(parts[2], NumberStyles.Integer, CultureInfo.InvariantCulture, out var total))
                {
                    return total;
                }
            }
        }

        return 0;
    }
}
