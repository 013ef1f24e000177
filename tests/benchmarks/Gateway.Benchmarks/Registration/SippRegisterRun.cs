using System.Diagnostics;
using System.Globalization;

namespace Gateway.Benchmarks.Registration;

/// <summary>Runs SIPp once over every account of the environment, at most <c>limit</c> registrations in flight.</summary>
public static class SippRegisterRun
{
    public static async Task<RegisterRunResult> RunAsync(RegistrationBenchEnvironment env, int limit)
    {
        var info = new ProcessStartInfo("sipp")
        {
            WorkingDirectory = env.WorkDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[]
        {
            $"127.0.0.1:{env.Server.Port.ToString(CultureInfo.InvariantCulture)}",
            "-sf", env.ScenarioPath, "-inf", env.UsersCsvPath,
            "-i", "127.0.0.1", "-p", "0",
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
        var screen = await stdout + await stderr;
        // SIPp exits 0 only when every call succeeded.
        var completed = process.ExitCode == 0 ? env.Count : SuccessfulCalls(screen);
        return new RegisterRunResult("SIPp", completed, env.Count - completed, clock.Elapsed, process.ExitCode == 0 ? null : screen);
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
