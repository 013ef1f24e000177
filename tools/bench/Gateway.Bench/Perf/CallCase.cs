namespace Gateway.Bench.Perf;

/// <summary>
/// Cases b and c: one G.711 (PCMU, 20 ms) call to the same far end (carol's baresip, auto-answering, sending a tone)
/// through the same Kamailio, first from the gateway's station-1 (alice's card, off-hook and dialled on the bench
/// API), then from a registered baresip (dave). Each call's window gives the caller's process CPU seconds and RSS
/// (b), and tshark on lo gives the send pacing of the RTP it sends to the far end (c).
/// </summary>
internal static class CallCase
{
    private const double PtimeMs = 20;
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(PerfContext context, PerfCase call, PerfCase pacing, GatewayUnderTest gateway, BaresipParty baresip, CancellationToken ct)
    {
        var window = context.Durations.CallWindow;
        call.Notes.Add($"One call per subject to carol's baresip (auto-answer, 1 kHz tone, PCMU only) via the same Kamailio; window {window.TotalSeconds:F0} s from 1 s after the far end's CALL_ESTABLISHED. {context.Durations.CallRuns} call(s) per subject, one after the other: CPU seconds over each call's window (median, min and max over the calls; with one call, over sixths of its window scaled up) and RSS at its end. Pacing and GC figures come from each subject's first call. The NativeAOT gateway, when built, places its calls before the JIT one, in the same run.");
        call.Notes.Add("baresip runs as the bench configures it for both subject and far end: aufile tone source, sndfile recording both directions, a paced aubridge player (ALSA's null device made its play thread spin), ctrl_tcp and menu modules; its figures include that work.");
        pacing.Notes.Add("tshark on lo, `udp dst port <far end RTP port>`, kernel timestamps; deviation = |interval − 20 ms| between consecutive packets of the caller's stream, over the same window as case b. Max GC pause: the gateway's /api/status runtime object at the end of the window (GcPauseMonitor, since the gateway started), with its media clock scheduling.");
        await using var farEnd = await context.StartBaresipAsync(BenchNetwork.Carol, autoAnswer: true, ct);
        await MeasureGatewayAsync(context, call, pacing, gateway, farEnd, ct);
        var baresipFigures = await RepeatAsync(context, pacing, p => MeasureCallAsync(context, "baresip", baresip.ProcessId, farEnd, p,
            () => baresip.DialAsync(context.DialUri(BenchNetwork.Carol.FollowMeNumber)), baresip.HangUpAsync, ct));
        var (baresipCpu, baresipRss) = AddRows(context, call, "baresip", baresipFigures);
        foreach (var cpu in call.Rows.Where(r => r.Metric == "call CPU" && r.Available && r.Subject != "baresip").ToList())
        {
            var rss = call.Rows.First(r => r.Subject == cpu.Subject && r.Metric == "call RSS");
            call.AddRatio($"{cpu.Subject} / baresip", "call CPU ratio", cpu, baresipCpu);
            call.AddRatio($"{rss.Subject} / baresip", "call RSS ratio", rss, baresipRss);
        }
    }

    /// <summary>The same call from another gateway build (the NativeAOT one), with its own far end; rows only, ratios come with baresip's.</summary>
    /// <param name="context">The suite's context.</param>
    /// <param name="call">Case b.</param>
    /// <param name="pacing">Case c.</param>
    /// <param name="gateway">A registered gateway.</param>
    /// <param name="ct">Stops the run.</param>
    /// <returns>Completes when the call has ended.</returns>
    public static async Task RunGatewayAsync(PerfContext context, PerfCase call, PerfCase pacing, GatewayUnderTest gateway, CancellationToken ct)
    {
        await using var farEnd = await context.StartBaresipAsync(BenchNetwork.Carol, autoAnswer: true, ct);
        await MeasureGatewayAsync(context, call, pacing, gateway, farEnd, ct);
    }

    private static async Task MeasureGatewayAsync(PerfContext context, PerfCase call, PerfCase pacing, GatewayUnderTest gateway, BaresipParty farEnd, CancellationToken ct)
    {
        var gatewayName = gateway.Build.Name;
        try
        {
            AddRows(context, call, gatewayName, await RepeatAsync(context, pacing, p => MeasureGatewayCallAsync(context, gateway, farEnd, p, ct)));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException)
        {
            call.Add(PerfRow.Unavailable(gatewayName, "call CPU", "s", $"the gateway's call did not run: {ex.Message.Split('\n')[0]}"));
            pacing.Add(PerfRow.Unavailable(gatewayName, "send-interval deviation", "ms", "no gateway call"));
            await gateway.TryOnHookAsync(PerfContext.StationA, ct);
        }
    }

    private static Task<ProcessFigures> MeasureGatewayCallAsync(PerfContext context, GatewayUnderTest gateway, BaresipParty farEnd, PerfCase? pacing, CancellationToken ct) =>
            MeasureCallAsync(context, gateway.Build.Name, gateway.ProcessId, farEnd, pacing, async () =>
            {
                var since = System.Diagnostics.Stopwatch.GetTimestamp();
                await gateway.Api.SetHookAsync(PerfContext.StationA, offHook: true, ct);

                // Keys sent inside the hook debounce are on-hook keys: dial after the dial tone, as a person does.
                await gateway.WaitForAsync("hook.off", PerfContext.StationA, since, ct);
                await gateway.Api.PressKeysAsync(PerfContext.StationA, BenchNetwork.Carol.FollowMeNumber[2..], ct);
            }, () => gateway.Api.SetHookAsync(PerfContext.StationA, offHook: false, ct), ct,
            async () => RuntimeFigures.FromStatus(await gateway.Api.GetStatusAsync(ct)));

    /// <summary>The subject's calls, one after the other; only the first reports pacing (null for the others).</summary>
    private static async Task<List<ProcessFigures>> RepeatAsync(PerfContext context, PerfCase pacing, Func<PerfCase?, Task<ProcessFigures>> measureCall)
    {
        var calls = new List<ProcessFigures>();
        for (var run = 0; run < context.Durations.CallRuns; run++)
        {
            calls.Add(await measureCall(run == 0 ? pacing : null));
        }

        return calls;
    }

    private static (PerfRow Cpu, PerfRow Rss) AddRows(PerfContext context, PerfCase call, string name, List<ProcessFigures> calls)
    {
        var window = context.Durations.CallWindow;
        PerfRow cpu;
        if (calls.Count == 1)
        {
            var f = calls[0];
            var perWindow = f.CpuPercent.Select(p => p / 100 * window.TotalSeconds).ToList();
            cpu = new PerfRow(name, "call CPU", "s per window", perWindow.Count, f.CpuSeconds, perWindow.Min(), perWindow.Max(),
                $"total over {f.WallSeconds:F0} s; min/max = each sixth scaled to the window");
        }
        else
        {
            // The machine is shared: one call's figure swung by half between runs, so the figure is a median over calls.
            var perCall = calls.Select(f => f.CpuSeconds / f.WallSeconds * window.TotalSeconds).ToList();
            cpu = Figures.Row(name, "call CPU", "s per window", perCall,
                $"{calls.Count} calls of {window.TotalSeconds:F0} s: " + string.Join(", ", perCall.Select(v => v.ToString("F2", System.Globalization.CultureInfo.InvariantCulture))));
        }

        var rss = Figures.Row(name, "call RSS", "MiB", calls[0].RssMiB, $"peak {calls.Max(f => f.HwmMiB):F1} MiB");
        call.Add(cpu);
        call.Add(rss);
        return (cpu, rss);
    }

    private static async Task<ProcessFigures> MeasureCallAsync(
        PerfContext context, string subject, int pid, BaresipParty farEnd, PerfCase? pacing, Func<Task> place, Func<Task> hangUp, CancellationToken ct,
        Func<Task<RuntimeFigures?>>? runtime = null)
    {
        await using var capture = await PacingCapture.StartAsync(farEnd.RtpPort, ct);
        await place();
        await farEnd.WaitForEventAsync("CALL_ESTABLISHED", s_wait, ct);
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        capture.Reset();
        var atStart = runtime is null ? null : await runtime();
        var window = context.Durations.CallWindow;
        var figures = (await ProcessWindow.MeasureAsync(new Dictionary<string, int> { [subject] = pid }, window / 6, 6, ct))[subject];
        var pacingFigures = await capture.StopAsync(PtimeMs);
        var expected = window.TotalMilliseconds / PtimeMs;
        // A repeated call is captured like the first (tshark's filter costs the sender CPU) but reported once.
        if (pacing is not null && pacingFigures.Intervals < expected / 2)
        {
            // Seen once in a 60 s full run under heavy load: the call carried 64 kbit/s throughout, tshark printed a few packets.
            pacing.Add(PerfRow.Unavailable(subject, "send-interval deviation", "ms", $"the capture holds {pacingFigures.Intervals} intervals of about {expected:F0} sent: tshark lost packets"));
        }
        else
        {
            pacing?.Rows.AddRange(pacingFigures.Rows(subject));
        }

        if (runtime is not null && pacing is not null)
        {
            // The gateway's monitor counts from its start: the longest pause may be a start-up one, never shorter than the call's.
            var atEnd = await runtime();
            pacing.Add(atEnd?.MaxPauseRow(subject, "since the gateway started, call included")
                ?? PerfRow.Unavailable(subject, "max GC pause", "ms", "/api/status has no runtime object"));
            if (atStart is not null && atEnd is not null)
            {
                pacing.Add(atEnd.WindowRow(subject, atStart));
            }
        }

        await hangUp();
        await farEnd.WaitForEventAsync("CALL_CLOSED", s_wait, ct);
        return figures;
    }
}
