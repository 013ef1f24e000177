using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// The README's main job, end to end: <c>gateway-bench --demo</c> brings up Kamailio with the demo subscribers, starts
/// the gateway, and plays the scripted tour (cards in and out, calls from a real baresip, audio checked both ways,
/// the CDR billed to the card's user with the box's surcharge). The tour checks every step itself and exits 0 only
/// if all held; its timeline is printed into the test output.
/// </summary>
[Collection(PcscdGroup.Name)]
public sealed class BenchDemoTests(PcscdFixture pcscd, ITestOutputHelper output)
{
    private static readonly TimeSpan s_limit = TimeSpan.FromMinutes(4);

    private static string BenchDll { get; } = Path.Combine(RepoPaths.Root, "tools", "bench", "Gateway.Bench", "bin", RepoPaths.Configuration, "net10.0", "gateway-bench.dll");

    [Fact]
    public async Task Demo_PlaysTheWholeTour_EveryStepPasses()
    {
        pcscd.EnsureRunning();
        Assert.True(File.Exists(BenchDll), $"build the solution first: {BenchDll} is missing");
        var runDirectory = Directory.CreateTempSubdirectory("bench-demo-").FullName;
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
                 {
                     BenchDll, "--gateway", RepoPaths.GatewayDll, "--api-port", FreePort(SocketType.Stream, ProtocolType.Tcp),
                     "--sip-port", FreePort(SocketType.Dgram, ProtocolType.Udp), "--run-dir", runDirectory, "--demo",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        var text = new StringBuilder();
        var gate = new Lock();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        void Append(string? line)
        {
            if (line is not null)
            {
                lock (gate)
                {
                    text.AppendLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var limit = new CancellationTokenSource(s_limit);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        string timeline;
        lock (gate)
        {
            timeline = text.ToString();
        }

        output.WriteLine(timeline);
        var gatewayLog = Path.Combine(runDirectory, "gateway-console.log");
        var detail = File.Exists(gatewayLog) ? "\n--- gateway console (tail) ---\n" + string.Join('\n', File.ReadLines(gatewayLog).TakeLast(60)) : string.Empty;
        Assert.True(process.ExitCode == 0, $"the demo exited with {process.ExitCode}:\n{timeline}{detail}");
        Assert.Contains("demo: every step passed", timeline, StringComparison.Ordinal);
    }

    // Kamailio listens on UDP and TCP on the same port; the bench's API on TCP.
    private static string FreePort(SocketType type, ProtocolType protocol)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var first = new Socket(AddressFamily.InterNetwork, type, protocol);
            first.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)first.LocalEndPoint!).Port;
            using var other = new Socket(AddressFamily.InterNetwork, type == SocketType.Stream ? SocketType.Dgram : SocketType.Stream, type == SocketType.Stream ? ProtocolType.Udp : ProtocolType.Tcp);
            try
            {
                other.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port.ToString(CultureInfo.InvariantCulture);
            }
            catch (SocketException) when (attempt < 20)
            {
                // Taken on the other protocol: try another.
            }
        }
    }
}
