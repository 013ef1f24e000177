using System.Diagnostics;

namespace Gateway.Codecs.Tests;

/// <summary>Runs the sox binary on raw files; CI installs it (build.ps1 deps), so its absence fails the test.</summary>
internal static class Sox
{
    public static byte[] Convert(byte[] input, string inputFormat, string outputFormat)
    {
        var dir = Directory.CreateTempSubdirectory("gw-sox-");
        try
        {
            var inPath = Path.Combine(dir.FullName, "in.raw");
            var outPath = Path.Combine(dir.FullName, "out.raw");
            File.WriteAllBytes(inPath, input);
            var psi = new ProcessStartInfo("sox")
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            // -D: no dither, which sox would otherwise add when reducing to 8 bits.
            foreach (var a in $"-D {inputFormat} {inPath} {outputFormat} {outPath}".Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                psi.ArgumentList.Add(a);
            }

            using var process = Process.Start(psi) ?? throw new InvalidOperationException("sox did not start (apt package sox; build.ps1 deps installs it)");
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, $"sox failed: {stderr}");
            return File.ReadAllBytes(outPath);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
