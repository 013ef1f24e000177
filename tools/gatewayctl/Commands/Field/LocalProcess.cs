using System.Diagnostics;
using System.Text;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Runs a local tool (dotnet, dpkg-deb, lintian) and collects its output.</summary>
public static class LocalProcess
{
    /// <summary>Runs <paramref name="file"/> and waits for it.</summary>
    /// <param name="file">The program.</param>
    /// <param name="arguments">Its arguments.</param>
    /// <param name="cancellationToken">Stops the wait and kills the process.</param>
    /// <param name="workingDirectory">The working directory, or the current one.</param>
    /// <returns>The exit code and the combined standard output and error.</returns>
    public static async Task<(int ExitCode, string Output)> RunAsync(
        string file, IEnumerable<string> arguments, CancellationToken cancellationToken, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new FieldException($"cannot start {file}", $"install {file}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new FieldException($"cannot start {file}: {e.Message}", $"install {file} (it must be on PATH)");
        }

        using (process)
        {
            var output = new StringBuilder();
            var gate = new Lock();
            void Append(string? line)
            {
                if (line is not null)
                {
                    lock (gate)
                    {
                        output.AppendLine(line);
                    }
                }
            }

            process.OutputDataReceived += (_, e) => Append(e.Data);
            process.ErrorDataReceived += (_, e) => Append(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            try
            {
                await process.WaitForExitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            lock (gate)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }
}
