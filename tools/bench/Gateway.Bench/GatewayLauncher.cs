using System.Diagnostics;
using System.Globalization;

namespace Gateway.Bench;

/// <summary>Starts the real gateway (the built gateway.dll) on the bench board, pointed at the bench's Kamailio.</summary>
internal sealed class GatewayLauncher : IAsyncDisposable
{
    private readonly Process _process;

    private GatewayLauncher(Process process, string? logPath)
    {
        _process = process;
        LogPath = logPath;
    }

    /// <summary>Gets the file the gateway's console goes to in demo mode, or null when it shares the bench's console.</summary>
    public string? LogPath { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Gets the gateway's process id (the runtime host runs in it, so /proc figures are the gateway's).</summary>
    public int ProcessId => _process.Id;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the gateway: <c>dotnet gateway.dll</c>, or a NativeAOT executable when <paramref name="nativeExecutable"/>
    /// is given. Its console goes to <paramref name="logName"/> under the run directory when <paramref name="quiet"/>.
    /// <paramref name="environment"/> adds variables (e.g. <c>DOTNET_*</c> runtime settings measured by perf case h).
    /// </summary>
    public static GatewayLauncher Start(BenchOptions options, BenchNetwork network, bool quiet, string? nativeExecutable = null, string logName = "gateway-console.log", IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(nativeExecutable ?? "dotnet")
        {
            UseShellExecute = false,
            WorkingDirectory = options.RepositoryRoot,
            RedirectStandardOutput = quiet,
            RedirectStandardError = quiet,
        };
        if (nativeExecutable is null)
        {
            info.ArgumentList.Add(options.GatewayDll);
        }

        foreach (var argument in Arguments(options, network))
        {
            info.ArgumentList.Add(argument);
        }

        // The bench is self-contained: nothing from a developer's /etc/gateway applies.
        info.Environment["GATEWAY_CONFIG"] = Path.Combine(options.RunDirectory, "no-device-config.json");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start dotnet");
        string? logPath = null;
        if (quiet)
        {
            logPath = Path.Combine(options.RunDirectory, logName);
            var log = new StreamWriter(logPath) { AutoFlush = true };
            var gate = new Lock();
            void Write(string? line)
            {
                if (line is null)
                {
                    return;
                }

                lock (gate)
                {
                    log.WriteLine(line);
                }
            }

            process.OutputDataReceived += (_, e) => Write(e.Data);
            process.ErrorDataReceived += (_, e) => Write(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        return new GatewayLauncher(process, logPath);
    }

    public static IReadOnlyList<string> Arguments(BenchOptions options, BenchNetwork network) =>
    [
        $"--Gateway:Board={options.Board}",
        $"--Gateway:Api:Port={options.ApiPort.ToString(CultureInfo.InvariantCulture)}",
        $"--Gateway:DeviceId={BenchNetwork.DeviceId}",
        $"--Gateway:Logs:Directory={Path.Combine(options.RunDirectory, "logs")}",
        "--Gateway:Sip:BindAddress=127.0.0.1",
        "--Gateway:Sip:Port=0",
        $"--Gateway:Sip:Registrar=sip:{network.Server.Address}:{network.Server.Port.ToString(CultureInfo.InvariantCulture)}",
        $"--Gateway:Sip:Domain={network.Server.Realm}",
        "--environment",
        "Bench",
    ];

    /// <summary>Waits until /api/status answers, or the gateway exits.</summary>
    public async Task WaitForApiAsync(GatewayApi api, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited with code {_process.ExitCode} at start" + (LogPath is null ? string.Empty : $" (see {LogPath})"));
            }

            try
            {
                await api.GetStatusAsync(ct);
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    public Task WaitForExitAsync(CancellationToken ct) => _process.WaitForExitAsync(ct);

    /// <summary>SIGTERM as systemd would send it, so the gateway unregisters every card on the way out.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await _process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }

        _process.Dispose();
    }
}
