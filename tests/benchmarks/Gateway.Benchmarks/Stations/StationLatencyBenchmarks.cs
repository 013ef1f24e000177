using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Gateway.Benchmarks.Stations;

/// <summary>
/// The issue's two station latencies, in process, on real sockets and real time (<see cref="StationRig"/>), against a
/// raw UDP socket as proxy/registrar: the last key of a complete-match number (1 + 10 digits, dialled at once, no
/// inter-digit timer) → the INVITE datagram read by the far end's socket; and an INVITE with an SDP offer written by
/// that socket → the station's <c>ring.start</c>. The baseline is a bare loopback round trip of the same INVITE bytes
/// through an echo thread, so the Ratio column reads as "multiples of the socket floor". One invocation per iteration
/// (each needs its own setup: off-hook and ten keys, or a fresh INVITE), so the statistics are over iterations.
/// </summary>
[Config(typeof(LatencyConfig))]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet's [GlobalCleanup] disposes the rig.")]
public class StationLatencyBenchmarks
{
    /// <summary>A complete match under the default plan's 1[2-9]xxxxxxxxx.</summary>
    public const string Number = "12125550123";

    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(10);
    private StationRig _rig = null!;
    private LoopbackEcho _echo = null!;
    private byte[] _inviteBytes = [];
    private readonly byte[] _buffer = new byte[65_535];
    private readonly Socket _anchor = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private byte[] _received = [];
    private readonly byte[] _expected = System.Text.Encoding.ASCII.GetBytes("INVITE sip:" + Number + "@");
    private RawInvite? _offered;

    [GlobalSetup]
    public void Setup()
    {
        _rig = new StationRig();
        _echo = new LoopbackEcho();
        _anchor.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _anchor.ReceiveTimeout = (int)s_wait.TotalMilliseconds;
        _inviteBytes = System.Text.Encoding.UTF8.GetBytes(_rig.Far.NewInvite(_rig.AccountUri).Text);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _echo.Dispose();
        _anchor.Dispose();
        await _rig.DisposeAsync();
    }

    /// <summary>The floor: the same INVITE bytes to an echo thread on loopback and back, read by a blocked receive.</summary>
    [Benchmark(Baseline = true, Description = "UDP round trip of the INVITE bytes (floor)")]
    public int LoopbackRoundTrip()
    {
        _anchor.SendTo(_inviteBytes, _echo.Address);
        return _anchor.Receive(_buffer);
    }

    /// <summary>Off-hook, dial tone, the first ten keys taken by the station: only the last key is left.</summary>
    [IterationSetup(Target = nameof(LastDigitToInvite))]
    public void KeyAllButLast()
    {
        _rig.Far.Drain();
        _rig.OffHook();
        _rig.Keys(Number[..^1]);
    }

    [Benchmark(Description = "last key → INVITE on the wire")]
    public int LastDigitToInvite()
    {
        _rig.Keypad.Press(Number[^1]);
        _received = _rig.Far.Receive("INVITE ", s_wait);

        // An INVITE for anything else would mean the figure timed some other call.
        return _received.AsSpan().StartsWith(_expected)
            ? _received.Length
            : throw new InvalidOperationException("unexpected INVITE:\n" + System.Text.Encoding.UTF8.GetString(_received));
    }

    /// <summary>The far end answers 486 and the handset goes back on-hook, so the next iteration starts idle.</summary>
    [IterationCleanup(Target = nameof(LastDigitToInvite))]
    public void RefuseAndHangUp()
    {
        _rig.Events.Expect("call.ended");
        _rig.Far.Reply(_received, 486, _rig.Contact);
        _rig.Events.Wait(s_wait);
        _rig.OnHook();
    }

    [IterationSetup(Target = nameof(InviteToRingStart))]
    public void PrepareInvite()
    {
        _rig.Far.Drain();
        _offered = _rig.Far.NewInvite(_rig.AccountUri);
        _rig.Events.Expect("ring.start");
    }

    [Benchmark(Description = "INVITE sent → ring.start")]
    public int InviteToRingStart()
    {
        _rig.Far.Send(_offered!.Text, _rig.Contact);
        return _rig.Events.Wait(s_wait).Type.Length;
    }

    /// <summary>The far end CANCELs (200, 487, ACK) and the station stops ringing, so the next iteration starts idle.</summary>
    [IterationCleanup(Target = nameof(InviteToRingStart))]
    public void CancelInvite()
    {
        _rig.Events.Expect("call.ended");
        _rig.Far.Send(_rig.Far.Cancel(_offered!), _rig.Contact);
        var terminated = _rig.Far.ReceiveResponse(487, "INVITE", s_wait);
        _rig.Far.Send(_rig.Far.Ack(_offered!, terminated), _rig.Contact);
        _rig.Events.Wait(s_wait);
    }

    private sealed class LatencyConfig : ManualConfig
    {
        public LatencyConfig()
        {
            // Each invocation needs a fresh setup, so one invocation per iteration and no pilot; in-process, so the
            // rig's sockets and threads are those of the process being measured.
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(10)
                .WithIterationCount(100)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.Median, StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max);
            HideColumns(Column.Error, Column.StdDev);
        }
    }
}
