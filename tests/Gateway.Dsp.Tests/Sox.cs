using System.Diagnostics;

namespace Gateway.Dsp.Tests;

/// <summary>Has sox synthesise a dual tone, an independent DTMF source; sox is a build dependency, so its absence fails.</summary>
internal static class Sox
{
    public static short[] Synth(int rate, string seconds, string low, string high)
    {
        var dir = Directory.CreateTempSubdirectory("gw-dsp-sox-");
        try
        {
            var outPath = Path.Combine(dir.FullName, "dtmf.raw");
            // Two sines on two channels, then remix to mono (averaging, each tone −6 dB below full scale · 0.3).
            var psi = new ProcessStartInfo("sox") { RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "-n", "-r", rate.ToString(System.Globalization.CultureInfo.InvariantCulture), "-e", "signed", "-b", "16", "-c", "1", outPath,
                         "synth", seconds, "sine", low, "sine", high, "channels", "1", "vol", "0.3" })
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi) ?? throw new InvalidOperationException("sox did not start");
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"sox failed: {stderr}");
            var bytes = File.ReadAllBytes(outPath);
            var pcm = new short[bytes.Length / 2];
            Buffer.BlockCopy(bytes, 0, pcm, 0, pcm.Length * 2);
            return pcm;
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
