using System.Net;
using System.Text.RegularExpressions;
using Gateway.Media.Sessions;
using Gateway.NetworkServer.IntegrationTests.Sip;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// Issue "Media", evidence: our jitter buffer against baresip's under the same seeded impairment trace, side by side
/// in one run. One test-side PCMU sender feeds a <see cref="TraceReplayRelay"/> that delivers every packet (or drops
/// it) identically to our receiver and to a baresip receiver; both playouts are judged by the same
/// <see cref="PlayoutAnalysis"/>. Figures go to the output and to artifacts/test-results/jitter-vs-baresip.md; the
/// test asserts only that both sides produced figures and played the tone recognisably (no thresholds on the figures).
/// </summary>
public sealed partial class JitterVersusBaresipTests(ITestOutputHelper output)
{
    private const int Seconds = 20;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    private static readonly ImpairmentProfile[] s_profiles =
    [
        new("mild", Loss: 0.01, DelayMs: 0, JitterMs: 20, BurstEnter: 0, BurstExit: 1, Seed: 1101),
        new("hotel", Loss: 0.05, DelayMs: 20, JitterMs: 60, BurstEnter: 0, BurstExit: 1, Seed: 2202),
        new("bursty", Loss: 0.01, DelayMs: 10, JitterMs: 30, BurstEnter: 0.015, BurstExit: 0.35, Seed: 3303),
    ];

    [Fact]
    public async Task SameTrace_OursAndBaresip_DelayAndConcealmentSideBySide()
    {
        var rows = new List<ComparisonRow>();
        foreach (var profile in s_profiles)
        {
            rows.Add(await RunAsync(profile));
        }

        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        var markdown = ComparisonReport.Markdown(rows, load);
        output.WriteLine(markdown);
        var dir = Path.Combine(RepoRoot(), "artifacts", "test-results");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "jitter-vs-baresip.md"), markdown);

        foreach (var r in rows)
        {
            foreach (var (side, figures) in new[] { ("ours", r.Ours), ("baresip", r.Baresip) })
            {
                var what = $"{r.Trace.Profile.Name}, {side}";
                Assert.True(figures.CyclesFound >= figures.Cycles * 0.8, $"{what}: onsets of only {figures.CyclesFound} of {figures.Cycles} cycles found");
                Assert.True(figures.Delays.Count >= figures.Cycles / 2, $"{what}: only {figures.Delays.Count} delay measurements");
                Assert.True(figures.Windows >= figures.CyclesFound * 80, $"{what}: only {figures.Windows} windows judged");
                Assert.True(figures.DefectRatio < 0.5, $"{what}: the tone is not recognisable ({figures.DefectWindows} of {figures.Windows} windows defective)");
            }

            Assert.True(r.OursStats.JitterBufferEmittedCount > 0 && r.OursStats.TotalSamplesReceived > 0, $"{r.Trace.Profile.Name}: our jitter buffer reported nothing");
            Assert.True(r.OursStats.ConcealedSamples > 0 || r.Trace.DroppedCount == 0, $"{r.Trace.Profile.Name}: {r.Trace.DroppedCount} drops but nothing concealed");
        }
    }

    private async Task<ComparisonRow> RunAsync(ImpairmentProfile profile)
    {
        var frames = Seconds * 1000 / (int)MarkedTone.FrameMs;
        var trace = new ImpairmentTrace(profile, frames);
        using var relay = new TraceReplayRelay(trace, legs: 2);
        await using var phone = await BaresipPhone.StartDirectAsync("PCMU", loopPlayoutToSource: true);
        await using var ua = new MediaUa(null, null, ["PCMU"]);
        var device = new TimedPlayoutDevice(Seconds + 20);
        await using var station = new StationAudio(new StationAudioOptions { Device = device, LocalRtpAddress = IPAddress.Loopback });

        // Ours: told that its peer is relay leg 0 (no SIP needed to receive).
        var media = (CallMediaSession)station.CreateCallMedia(["PCMU"]);
        _ = media.CreateOffer();
        var applied = media.ApplyAnswer(Sdp(relay.LegAddress(0)));
        Assert.True(applied.Succeeded, applied.Error);
        relay.SetDestination(0, media.LocalRtp);

        // baresip: called with an offer naming relay leg 1 as our RTP address.
        var call = ua.Agent.Call($"sip:phone@127.0.0.1:{phone.Port}", MediaUa.Body(Sdp(relay.LegAddress(1))));
        await call.Connected.WaitAsync(s_wait);
        relay.SetDestination(1, AudioAddress(MediaUa.Text(call.LastResponse!.Body)));
        await phone.WaitForLogAsync("Call established", s_wait);
        using var timeline = new GrowingWavTimeline(await DumpAsync(phone, "enc"));

        await PacedToneSender.SendAsync(relay.Input, frames, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(Seconds + 10));
        await Task.Delay(1500); // the last packets' trace delay and both buffers drain
        var oursStats = media.GetStreamStatistics()!.JitterBuffer;
        var debug = Flatten(await phone.SendCommandAsync("audio_debug"));
        Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
        await phone.WaitForLogAsync("session closed", s_wait);
        await Task.Delay(300);
        timeline.Complete();
        await media.DisposeAsync();

        var cycles = frames / MarkedTone.FramesPerCycle;
        var ours = PlayoutAnalysis.Judge(device, trace, i => relay.SentAt(0, i), cycles);
        var baresip = PlayoutAnalysis.Judge(timeline, trace, i => relay.SentAt(1, i), cycles);
        output.WriteLine($"{profile}: relay forwarded {relay.Forwarded}, dropped {relay.Dropped}, ignored {relay.Ignored}; " +
            $"ours {ours}; baresip {baresip}; our stats concealed {oursStats.ConcealedSamples}/{oursStats.TotalSamplesReceived}, events {oursStats.ConcealmentEvents}, " +
            $"delay/emitted {oursStats.JitterBufferDelay * 1000 / Math.Max(1, oursStats.JitterBufferEmittedCount):F1} ms, target {oursStats.TargetDelayMs} ms, discarded {oursStats.PacketsDiscarded}, inserted {oursStats.InsertedSamplesForDeceleration}, removed {oursStats.RemovedSamplesForAcceleration}");
        output.WriteLine($"  per-cycle added delay, ms: ours [{Join(ours.Delays)}]; baresip [{Join(baresip.Delays)}]");
        return new ComparisonRow(trace, ours, baresip, oursStats, debug, relay.Forwarded);
    }

    private static string Join(IEnumerable<double> values) => string.Join(' ', values.Select(v => v.ToString("F0", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Sdp(IPEndPoint rtp) =>
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
        $"m=audio {rtp.Port} RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\na=ptime:20\r\na=sendrecv\r\n";

    private static IPEndPoint AudioAddress(string sdp)
    {
        var port = AudioPort().Match(sdp);
        var address = Connection().Match(sdp);
        Assert.True(port.Success && address.Success, $"baresip's answer has no audio address:\n{sdp}");
        return new IPEndPoint(IPAddress.Parse(address.Groups[1].Value), int.Parse(port.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<string> DumpAsync(BaresipPhone phone, string direction)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (true)
        {
            var dump = Directory.GetFiles(phone.Folder, $"dump-*{direction}*.wav").SingleOrDefault();
            if (dump is not null)
            {
                return dump;
            }

            Assert.True(DateTime.UtcNow < deadline, $"no {direction} dump in {phone.Folder}\n{phone.ReadLog()}");
            await Task.Delay(20);
        }
    }

    private static string Flatten(string reply)
    {
        var text = Regex.Unescape(reply);
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains("jbuf", StringComparison.OrdinalIgnoreCase) || l.Contains("aubuf", StringComparison.OrdinalIgnoreCase)
                || l.Contains("min=", StringComparison.Ordinal) || l.Contains("Jbuf", StringComparison.Ordinal));
        return string.Join("; ", lines).Replace("`", "'", StringComparison.Ordinal);
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        return Path.GetTempPath();
    }

    [GeneratedRegex(@"m=audio (\d+) ")]
    private static partial Regex AudioPort();

    [GeneratedRegex(@"c=IN IP4 ([0-9.]+)")]
    private static partial Regex Connection();
}
