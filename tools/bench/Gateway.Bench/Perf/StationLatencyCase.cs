using System.Diagnostics;

namespace Gateway.Bench.Perf;

/// <summary>
/// Case g: the issue's two station latencies on the wire, both ends taken from one tshark capture on <c>lo</c> (the
/// API's TCP port and the network server's SIP port), so on one clock: the last key's HTTP POST to the bench keypad
/// API → the gateway's INVITE to Kamailio (a complete-match number, dialled at once); and Kamailio's INVITE to the
/// gateway → the SSE frame carrying <c>ring.start</c>. Companion figures from the same frames: the POST's own HTTP
/// answer, and the gateway's 180 Ringing.
/// </summary>
internal static class StationLatencyCase
{
    // 1 + ten digits: a complete match of 1[2-9]xxxxxxxxx, so no inter-digit timer runs.
    private static readonly string s_dialled = "1" + BenchNetwork.Carol.FollowMeNumber[2..];
    private static readonly string s_lastKeyBody = $"{{\"keys\":\"{s_dialled[^1]}\"}}";

    public static async Task RunAsync(PerfContext context, PerfCase result, GatewayUnderTest gateway, BaresipParty caller, CancellationToken ct)
    {
        var samples = context.Durations.LatencySamples;
        var api = context.Options.ApiPort;
        var server = context.Network.Server.Port;
        result.Notes.Add($"{samples} samples each on {PerfContext.StationA} (alice's card in); tshark on lo, capture filter `tcp port {api} or udp port {server}` (the gateway's API and Kamailio's SIP port), TCP reassembly off; both ends of every figure are kernel timestamps of frames in that one capture.");
        result.Notes.Add($"Outbound: off-hook, the first ten keys of {s_dialled} in one POST, a 300 ms pause (past the API's inter-key spacing), then the last key alone: its POST (the frame carrying the body) → the first INVITE for {s_dialled} sent to Kamailio. An upper bound of the station's figure: it includes Kestrel and the bench endpoint. Then on-hook.");
        result.Notes.Add("Inbound: dave's baresip calls alice's follow-me number through Kamailio: Kamailio's INVITE to the gateway → the gateway's 180 Ringing, and → the SSE frame carrying ring.start (an upper bound: it includes the event stream's delivery). Then baresip hangs up (CANCEL).");
        await using var capture = await WireCapture.StartAsync(api, server, ct);
        for (var i = 0; i < samples; i++)
        {
            await DialOnceAsync(gateway, ct);
        }

        for (var i = 0; i < samples; i++)
        {
            await RingOnceAsync(context, gateway, caller, ct);
        }

        var frames = await capture.StopAsync();
        var name = gateway.Build.Name;
        var (toInvite, toAnswer) = Outbound(frames, api, server);
        var (toRinging, toRingStart) = Inbound(frames, api, server);
        Add(result, name, "last key POST → INVITE out", toInvite, samples);
        Add(result, name, "last key POST → its HTTP answer out", toAnswer, samples);
        Add(result, name, "INVITE in → 180 Ringing out", toRinging, samples);
        Add(result, name, "INVITE in → SSE ring.start out", toRingStart, samples);
    }

    private static async Task DialOnceAsync(GatewayUnderTest gateway, CancellationToken ct)
    {
        var since = Stopwatch.GetTimestamp();
        await gateway.Api.SetHookAsync(PerfContext.StationA, offHook: true, ct);
        await gateway.WaitForAsync("hook.off", PerfContext.StationA, since, ct);
        await gateway.Api.PressKeysAsync(PerfContext.StationA, s_dialled[..^1], ct);
        await Task.Delay(300, ct);
        await gateway.Api.PressKeysAsync(PerfContext.StationA, s_dialled[^1..], ct);

        // Waiting polls the event list; starting only after the INVITE is long gone keeps the bench quiet meanwhile.
        await Task.Delay(250, ct);
        await gateway.WaitForAsync("call.outgoing", PerfContext.StationA, since, ct);
        await gateway.Api.SetHookAsync(PerfContext.StationA, offHook: false, ct);
        await gateway.WaitForAsync("call.ended", PerfContext.StationA, since, ct);
        await gateway.WaitForAsync("hook.on", PerfContext.StationA, since, ct);
        await Task.Delay(100, ct);
    }

    private static async Task RingOnceAsync(PerfContext context, GatewayUnderTest gateway, BaresipParty caller, CancellationToken ct)
    {
        var since = Stopwatch.GetTimestamp();
        await caller.DialAsync(context.DialUri(BenchNetwork.Alice.FollowMeNumber));
        await Task.Delay(300, ct);
        await gateway.WaitForAsync("ring.start", PerfContext.StationA, since, ct);
        await caller.HangUpAsync();
        await gateway.WaitForAsync("call.ended", PerfContext.StationA, since, ct);
        await Task.Delay(200, ct);
    }

    /// <summary>Pairs each last-key POST with the next INVITE the gateway sends for the number, and with its HTTP answer.</summary>
    internal static (List<double> ToInvite, List<double> ToAnswer) Outbound(IReadOnlyList<WireFrame> frames, int apiPort, int serverPort)
    {
        var toInvite = new List<double>();
        var toAnswer = new List<double>();
        WireFrame? post = null;
        WireFrame? answerPending = null;
        foreach (var frame in frames)
        {
            if (!frame.Udp && frame.DestinationPort == apiPort && frame.Text.EndsWith(s_lastKeyBody, StringComparison.Ordinal))
            {
                post = answerPending = frame;
            }
            else if (post is not null && frame.Udp && frame.DestinationPort == serverPort && frame.Text.StartsWith($"INVITE sip:{s_dialled}@", StringComparison.Ordinal))
            {
                toInvite.Add(Ms(post, frame));
                post = null;
            }
            else if (answerPending is not null && !frame.Udp && frame.SourcePort == apiPort && frame.DestinationPort == answerPending.SourcePort && frame.Text.StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
            {
                toAnswer.Add(Ms(answerPending, frame));
                answerPending = null;
            }
        }

        return (toInvite, toAnswer);
    }

    /// <summary>Pairs each INVITE Kamailio sends the gateway with the gateway's next 180 and the next SSE frame carrying ring.start.</summary>
    internal static (List<double> ToRinging, List<double> ToRingStart) Inbound(IReadOnlyList<WireFrame> frames, int apiPort, int serverPort)
    {
        var toRinging = new List<double>();
        var toRingStart = new List<double>();
        WireFrame? forRinging = null;
        WireFrame? forRingStart = null;
        foreach (var frame in frames)
        {
            if (frame.Udp && frame.SourcePort == serverPort && frame.Text.StartsWith("INVITE sip:", StringComparison.Ordinal))
            {
                // A retransmission keeps the first copy's time.
                forRinging ??= frame;
                forRingStart ??= frame;
            }
            else if (forRinging is not null && frame.Udp && frame.DestinationPort == serverPort && frame.Text.StartsWith("SIP/2.0 180 ", StringComparison.Ordinal))
            {
                toRinging.Add(Ms(forRinging, frame));
                forRinging = null;
            }
            else if (forRingStart is not null && !frame.Udp && frame.SourcePort == apiPort && frame.Text.Contains("\"ring.start\"", StringComparison.Ordinal))
            {
                toRingStart.Add(Ms(forRingStart, frame));
                forRingStart = null;
            }
        }

        return (toRinging, toRingStart);
    }

    private static double Ms(WireFrame from, WireFrame to) => (to.Seconds - from.Seconds) * 1000;

    private static void Add(PerfCase result, string subject, string metric, List<double> values, int samples)
    {
        if (values.Count == 0)
        {
            result.Add(PerfRow.Unavailable(subject, metric, "ms", "no pair of frames was found in the capture"));
            return;
        }

        var missing = values.Count < samples ? $"; {samples - values.Count} of {samples} samples had no pair in the capture" : string.Empty;
        result.Add(Figures.Row(subject, metric, "ms", values, $"nearest-rank percentiles over {values.Count} samples{missing}") with { P95 = Figures.Percentile(values, 0.95) });
    }
}
