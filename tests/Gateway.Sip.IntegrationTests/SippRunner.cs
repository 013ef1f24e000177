using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;

namespace Gateway.Sip.IntegrationTests;

/// <summary>
/// Runs the real SIPp (package sip-tester) as a UAC for one call against a loopback target, in a
/// temporary working folder so its -trace_msg / -trace_err files can be read. SIPp always ends:
/// -nostdin, -m 1, -timeout 20s -timeout_error, and it is killed in finally if still running.
/// </summary>
internal static class SippRunner
{
    public static async Task<SippResult> RunAsync(string scenario, IPEndPoint target)
    {
        var workDirectory = Directory.CreateTempSubdirectory("sipp-").FullName;
        var info = new ProcessStartInfo("sipp")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            $"127.0.0.1:{target.Port.ToString(CultureInfo.InvariantCulture)}",
            "-sf", Path.Combine(AppContext.BaseDirectory, "scenarios", scenario),
            "-i", "127.0.0.1",
            "-p", LoopbackPorts.GetFree().ToString(CultureInfo.InvariantCulture),
            "-mp", LoopbackPorts.GetFree().ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-nostdin",
            "-timeout", "20s", "-timeout_error",
            "-trace_msg", "-trace_err",
        })
        {
            info.ArgumentList.Add(argument);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        try
        {
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(40)))
            {
                await process.WaitForExitAsync(cts.Token);
            }

            var screen = await stdout + await stderr;
            return new SippResult(process.ExitCode, ReadTraces(workDirectory, "_messages.log"), ReadTraces(workDirectory, "_errors.log"), screen);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            try
            {
                Directory.Delete(workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder does not fail a test.
            }
        }
    }

    private static string ReadTraces(string directory, string suffix)
    {
        var text = new StringBuilder();
        foreach (var file in Directory.EnumerateFiles(directory, "*" + suffix))
        {
            text.Append(File.ReadAllText(file));
        }

        return text.ToString();
    }
}
