using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace Gateway.Host.IntegrationTests;

/// <summary>The real gateway executable, started on the bench board with its own port and log folder.</summary>
internal sealed partial class GatewayProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Lock _outputGate = new();

    private GatewayProcess(Process process, int port, string logDirectory)
    {
        _process = process;
        Port = port;
        LogDirectory = logDirectory;
        Http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
    }

    public int Port { get; }

    public string LogDirectory { get; }

    public HttpClient Http { get; }

    public string Output
    {
        get
        {
            lock (_outputGate)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the gateway; returns once it has exited or its API answers.</summary>
    public static async Task<GatewayProcess> StartAsync(string board = "bench", bool waitForApi = true, params string[] extraArgs)
    {
        // './build.ps1 aot-smoke' runs this whole suite against the NativeAOT binary it publishes.
        var native = Environment.GetEnvironmentVariable(RepoPaths.NativeExecutableVariable);
        if (!string.IsNullOrEmpty(native) && !File.Exists(native))
        {
            throw new FileNotFoundException($"{RepoPaths.NativeExecutableVariable}={native} does not exist; run './build.ps1 publish-aot' first");
        }

        if (string.IsNullOrEmpty(native) && !File.Exists(RepoPaths.GatewayDll))
        {
            throw new FileNotFoundException($"build the solution first: {RepoPaths.GatewayDll} is missing");
        }

        var port = FreeTcpPort();
        var logDirectory = Directory.CreateTempSubdirectory("gateway-it-logs-").FullName;
        var start = new ProcessStartInfo(string.IsNullOrEmpty(native) ? "dotnet" : native)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = logDirectory,
        };
        if (string.IsNullOrEmpty(native))
        {
            start.ArgumentList.Add(RepoPaths.GatewayDll);
        }

        start.ArgumentList.Add($"--Gateway:Board={board}");
        start.ArgumentList.Add($"--Gateway:Api:Port={port}");
        start.ArgumentList.Add($"--Gateway:Logs:Directory={logDirectory}");

        // Only the pcscd collection's gateways may watch the shared readers; a test enables cards in extraArgs,
        // which come later and so win.
        start.ArgumentList.Add("--Gateway:Cards:Enabled=false");

        // Every test gateway gets its own SIP port; one that needs Kamailio says where it is in extraArgs.
        start.ArgumentList.Add("--Gateway:Sip:Port=0");
        foreach (var arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }

        // Nothing from the developer's /etc/gateway may leak into a test.
        start.Environment["GATEWAY_CONFIG"] = Path.Combine(logDirectory, "no-device-config.json");
        start.Environment.Remove("NOTIFY_SOCKET");
        start.Environment.Remove("WATCHDOG_USEC");
        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var gateway = new GatewayProcess(process, port, logDirectory);
        process.OutputDataReceived += (_, e) => gateway.Append(e.Data);
        process.ErrorDataReceived += (_, e) => gateway.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitForApi)
        {
            await gateway.WaitForApiAsync();
        }

        return gateway;
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Sends a signal (SIGTERM as systemd does, SIGINT as Ctrl+C does) and waits for the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout, int signal = 15)
    {
        if (!_process.HasExited)
        {
            _ = Kill(_process.Id, signal);
        }

        return await WaitForExitAsync(timeout);
    }

    public async Task<JsonElement> GetStatusAsync()
    {
        var status = await Http.GetFromJsonAsync<JsonElement>("/api/status");
        return status;
    }

    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(LogDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still open by a dying process is not worth failing a test over.
        }
    }

    private async Task WaitForApiAsync()
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"gateway exited with {_process.ExitCode} before its API answered:\n{Output}");
            }

            try
            {
                using var response = await Http.GetAsync("/api/status");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"gateway API did not answer within 60 s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_outputGate)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreeTcpPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
