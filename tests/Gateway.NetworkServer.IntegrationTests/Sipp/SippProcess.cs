using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Gateway.NetworkServer.IntegrationTests.Sipp;

/// <summary>
/// One real SIPp process running a scenario from scenarios/ for a single call,
/// on loopback, in its own working folder so its trace files can be read.
/// </summary>
public sealed class SippProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workDirectory;
    private readonly StringBuilder _screen = new();
    private readonly Task _screenPump;

    private SippProcess(Process process, string workDirectory, int port)
    {
        _process = process;
        _workDirectory = workDirectory;
        Port = port;
        _screenPump = PumpAsync(process.StandardOutput, _screen);
    }

    /// <summary>The SIP port SIPp listens on.</summary>
    public int Port { get; }

    /// <summary>Starts SIPp. <paramref name="remote"/> is host:port for a client scenario, null for a server one.</summary>
    public static SippProcess Start(string scenario, string? remote, IReadOnlyDictionary<string, string>? keys = null,
        string? user = null, string? password = null, int? port = null, TimeSpan? timeout = null, int holdMilliseconds = 200,
        bool tcp = false)
    {
        var localPort = port ?? LoopbackPorts.GetFree();
        var mediaPort = LoopbackPorts.GetFree();
        var workDirectory = Directory.CreateTempSubdirectory("sipp-").FullName;
        var info = new ProcessStartInfo("sipp")
        {
            WorkingDirectory = workDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        var args = info.ArgumentList;
        if (remote is not null)
        {
            args.Add(remote);
        }

        foreach (var a in new[]
        {
            "-sf", Path.Combine(AppContext.BaseDirectory, "scenarios", scenario),
            "-i", "127.0.0.1", "-p", localPort.ToString(CultureInfo.InvariantCulture),
            "-mp", mediaPort.ToString(CultureInfo.InvariantCulture),
            "-m", "1", "-nostdin",
            "-timeout", ((int)(timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds).ToString(CultureInfo.InvariantCulture), "-timeout_error",
            "-d", holdMilliseconds.ToString(CultureInfo.InvariantCulture),
            "-trace_err", "-trace_msg",
        })
        {
            args.Add(a);
        }

        if (tcp)
        {
            args.Add("-t");
            args.Add("t1");
        }

        if (user is not null)
        {
            args.Add("-au");
            args.Add(user);
            args.Add("-ap");
            args.Add(password ?? string.Empty);
        }

        foreach (var (key, value) in keys ?? new Dictionary<string, string>())
        {
            args.Add("-key");
            args.Add(key);
            args.Add(value);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("sipp did not start");
        process.StandardInput.Close();
        _ = PumpAsync(process.StandardError, new StringBuilder());
        return new SippProcess(process, workDirectory, localPort);
    }

    /// <summary>Starts SIPp and waits for it to finish.</summary>
    public static async Task<SippResult> RunAsync(string scenario, string remote, IReadOnlyDictionary<string, string>? keys = null,
        string? user = null, string? password = null, int holdMilliseconds = 200, bool tcp = false, int? port = null)
    {
        await using var sipp = Start(scenario, remote, keys, user, password, port, holdMilliseconds: holdMilliseconds, tcp: tcp);
        return await sipp.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>Waits for SIPp to end (it ends on its own after one call or its -timeout).</summary>
    public async Task<SippResult> WaitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        await _screenPump;
        return new SippResult(_process.ExitCode, ReadTraces("_messages.log"), ReadTraces("_errors.log"), _screen.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does not fail a test.
        }
    }

    private string ReadTraces(string suffix) =>
        string.Concat(Directory.EnumerateFiles(_workDirectory, "*" + suffix).Select(File.ReadAllText));

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        var buffer = new char[4096];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            lock (sink)
            {
                // SIPp redraws its screen; the last part is all that helps.
                if (sink.Length > 200_000)
                {
                    sink.Remove(0, 100_000);
                }

                sink.Append(buffer, 0, read);
            }
        }
    }
}
