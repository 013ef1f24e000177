using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Gateway.NetworkServer;

namespace Gateway.Bench.Perf;

/// <summary>
/// The raw SIP part of card timing: one REGISTER → 401 → REGISTER → 200 exchange with Kamailio by SIPp (the
/// network-server tests' register.xml scenario), timed from SIPp's own message trace (first sent to last received).
/// </summary>
internal static partial class SippRegister
{
    public static async Task<double> RoundTripAsync(BenchOptions options, BenchNetwork network, DemoUser user, CancellationToken ct)
    {
        var scenario = Path.Combine(options.RepositoryRoot, "tests", "Gateway.NetworkServer.IntegrationTests", "scenarios", "register.xml");
        if (!File.Exists(scenario))
        {
            throw new InvalidOperationException($"the SIPp scenario {scenario} is missing");
        }

        var folder = Directory.CreateTempSubdirectory("perf-sipp-").FullName;
        try
        {
            var trace = Path.Combine(folder, "messages.log");
            var info = new ProcessStartInfo("sipp") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
            foreach (var arg in new[]
                     {
                         $"127.0.0.1:{network.Server.Port.ToString(CultureInfo.InvariantCulture)}", "-sf", scenario, "-i", "127.0.0.1",
                         "-p", LoopbackPorts.GetFree().ToString(CultureInfo.InvariantCulture), "-m", "1", "-nostdin", "-timeout", "15", "-timeout_error",
                         "-trace_msg", "-message_file", trace, "-au", user.Username, "-ap", user.Password,
                         "-key", "aor", user.Username, "-key", "contact_port", LoopbackPorts.GetFree().ToString(CultureInfo.InvariantCulture), "-key", "expires", "0",
                     })
            {
                info.ArgumentList.Add(arg);
            }

            using var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            await stdout;
            var error = await stderr;
            if (process.ExitCode != 0 || !File.Exists(trace))
            {
                throw new InvalidOperationException($"sipp register failed (exit {process.ExitCode}): {error.Trim()}");
            }

            var stamps = TraceStamp().Matches(await File.ReadAllTextAsync(trace, ct))
                .Select(m => DateTime.ParseExact(m.Groups[1].Value + " " + m.Groups[2].Value, "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture))
                .ToList();
            if (stamps.Count < 4)
            {
                throw new InvalidOperationException($"sipp's trace holds {stamps.Count} messages, not 4");
            }

            return (stamps[^1] - stamps[0]).TotalMilliseconds;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"^-+ (\d{4}-\d\d-\d\d)\s+(\d\d:\d\d:\d\d\.\d{6})", RegexOptions.Multiline)]
    private static partial Regex TraceStamp();
}
