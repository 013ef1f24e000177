using System.Diagnostics;
using Gateway.NetworkServer;

namespace Gateway.Bench;

/// <summary>
/// The scripted tour of the issue: card A in and registered; a baresip caller rings A with A's cadence; answer, 5 s
/// of audio checked both ways, hang up; card B in, a call to B rings with B's cadence and shows B; card A out, a call
/// to A reaches A's default destination; B places a call billed to B with the box's surcharge. Every wait is on the
/// gateway's public API (SSE) or on baresip's own events, and every time printed is measured.
/// </summary>
internal sealed class DemoTour(BenchOptions options, BenchNetwork network, GatewayApi api, Timeline timeline)
{
    private const string StationA = "station-1";
    private const string StationB = "station-2";
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);

    public async Task RunAsync(CancellationToken ct)
    {
        await using var caller = await BaresipParty.StartAsync(BenchNetwork.Carol.Username, BenchNetwork.Carol.Password, network.Server.Port, LoopbackPorts.GetFree(), autoAnswer: true, ct);
        await using var voicemail = await BaresipParty.StartAsync("voicemail", null, null, network.VoicemailPort, autoAnswer: true, ct);
        timeline.Note($"far ends up: baresip caller {BenchNetwork.Carol.FollowMeNumber}, A's voicemail at {network.VoicemailUri}");

        await InsertAsync(0, BenchNetwork.Alice, StationA, ct);
        await CallAndTalkAsync(caller, ct);
        await InsertAsync(1, BenchNetwork.Bob, StationB, ct);
        await RingBAsync(caller, ct);
        await RemoveAAsync(caller, voicemail, ct);
        await BillingAsync(caller, ct);
    }

    private async Task InsertAsync(int reader, DemoUser user, string station, CancellationToken ct)
    {
        timeline.Step($"Insert {user.DisplayName}'s card ({user.FollowMeNumber}) at {station}");
        api.SkipPast();
        var clock = Stopwatch.StartNew();
        await api.InsertCardAsync(reader, network.CardFile(user), ct);
        await api.WaitForAsync("card.ready", e => e.Station == station, s_wait, ct);
        timeline.Measured("card inserted → card.ready", clock.Elapsed);
        await api.WaitForAsync("registration.registered", e => e.Station == station, s_wait, ct);
        timeline.Measured("card inserted → registration.registered", clock.Elapsed);
        var contacts = await network.Server.GetContactsAsync(user.Username);
        timeline.Check(contacts.Count == 1, $"Kamailio has one contact for {user.Username}: {string.Join(", ", contacts)}");
    }

    private async Task CallAndTalkAsync(BaresipParty caller, CancellationToken ct)
    {
        timeline.Step("The baresip caller dials A's number; the phone rings with A's cadence");
        api.SkipPast();
        var clock = Stopwatch.StartNew();
        await caller.DialAsync(DialUri(BenchNetwork.Alice.FollowMeNumber));
        var incoming = await api.WaitForAsync("call.incoming", e => e.Station == StationA, s_wait, ct);
        timeline.Measured($"dial → call.incoming (for {incoming.Text("forUser")} {incoming.Text("forNumber")}, from {incoming.Text("from")})", clock.Elapsed);
        var ring = await api.WaitForAsync("ring.start", e => e.Station == StationA, s_wait, ct);
        timeline.Measured("dial → ring.start", clock.Elapsed);
        timeline.Check(ring.Text("cadence") == BenchNetwork.Alice.RingCadence, $"rings with A's cadence ({ring.Text("cadence")}, card says {BenchNetwork.Alice.RingCadence})");

        timeline.Step("Answer, carry 5 s of audio both ways, hang up");
        var rxWav = Path.Combine(options.RepositoryRoot, "logs", "station-1-rx.wav");
        var toneBefore = File.Exists(rxWav) ? Wav.SecondsOfTone(rxWav, BaresipParty.ToneHz) : 0;
        clock.Restart();
        await api.SetHookAsync(StationA, offHook: true, ct);
        await api.WaitForAsync("call.answered", e => e.Station == StationA, s_wait, ct);
        timeline.Measured("off-hook → call.answered", clock.Elapsed);
        await caller.WaitForEventAsync("CALL_ESTABLISHED", s_wait, ct);
        timeline.Measured("off-hook → baresip CALL_ESTABLISHED", clock.Elapsed);
        await Task.Delay(TimeSpan.FromSeconds(5), ct);
        clock.Restart();
        await api.SetHookAsync(StationA, offHook: false, ct);
        var ended = await api.WaitForAsync("call.ended", e => e.Station == StationA, s_wait, ct);
        await caller.WaitForEventAsync("CALL_CLOSED", s_wait, ct);
        timeline.Measured($"on-hook → BYE answered, baresip CALL_CLOSED (call.ended {ended.Data.GetRawText()})", clock.Elapsed);

        // baresip writes its recording when the call closes; the gateway's WAV sink is written as it plays.
        await Task.Delay(500, ct);
        var heardByCaller = caller.LatestReceivedRecording() is { } recording ? Wav.SecondsOfTone(recording, 440) : 0;
        timeline.Check(heardByCaller >= 3, $"caller heard the station's 440 Hz tone for {heardByCaller:F1} s (needs 3)");
        var heardByStation = File.Exists(rxWav) ? Wav.SecondsOfTone(rxWav, BaresipParty.ToneHz) - toneBefore : 0;
        timeline.Check(heardByStation >= 3, $"station heard the caller's 1 kHz tone for {heardByStation:F1} s (needs 3; {rxWav})");
    }

    private async Task RingBAsync(BaresipParty caller, CancellationToken ct)
    {
        timeline.Step("A call to B rings at B's station with B's cadence, and the display shows B");
        api.SkipPast();
        var clock = Stopwatch.StartNew();
        await caller.DialAsync(DialUri(BenchNetwork.Bob.FollowMeNumber));
        var ring = await api.WaitForAsync("ring.start", e => e.Station == StationB, s_wait, ct);
        timeline.Measured("dial → ring.start", clock.Elapsed);
        timeline.Check(ring.Text("cadence") == BenchNetwork.Bob.RingCadence, $"rings with B's cadence ({ring.Text("cadence")}, card says {BenchNetwork.Bob.RingCadence})");
        var status = await api.GetStatusAsync(ct);
        var shown = status.ToString();
        timeline.Check(shown.Contains(BenchNetwork.Bob.DisplayName, StringComparison.Ordinal), $"the status shows {BenchNetwork.Bob.DisplayName} at {StationB}");
        await caller.HangUpAsync();
        await api.WaitForAsync("ring.stop", e => e.Station == StationB, s_wait, ct);
        timeline.Measured("caller hung up → ring.stop", clock.Elapsed);
    }

    private async Task RemoveAAsync(BaresipParty caller, BaresipParty voicemail, CancellationToken ct)
    {
        timeline.Step("Remove A's card: deregistered and wiped; a call to A reaches A's default destination");
        api.SkipPast();
        var clock = Stopwatch.StartNew();
        await api.RemoveCardAsync(0, ct);
        await api.WaitForAsync("registration.unregistered", e => e.Station == StationA, s_wait, ct);
        timeline.Measured("card removed → registration.unregistered", clock.Elapsed);
        var contacts = await network.Server.GetContactsAsync(BenchNetwork.Alice.Username);
        timeline.Check(contacts.Count == 0, "Kamailio has no contact left for alice");
        var status = (await api.GetStatusAsync(ct)).ToString();
        timeline.Check(!status.Contains(BenchNetwork.Alice.DisplayName, StringComparison.Ordinal) && !status.Contains(BenchNetwork.Alice.FollowMeNumber, StringComparison.Ordinal), "the status no longer names A");

        clock.Restart();
        api.SkipPast();
        var mark = api.Mark();
        await caller.DialAsync(DialUri(BenchNetwork.Alice.FollowMeNumber));
        await voicemail.WaitForEventAsync("CALL_ESTABLISHED", s_wait, ct);
        timeline.Measured("dial A → answered by A's voicemail", clock.Elapsed);
        var rang = api.Since(mark).Any(e => e.Type == "ring.start");
        timeline.Check(!rang, "no station rang for A");
        await caller.HangUpAsync();
        await caller.WaitForEventAsync("CALL_CLOSED", s_wait, ct);
    }

    private async Task BillingAsync(BaresipParty caller, CancellationToken ct)
    {
        timeline.Step("B places a call from the lobby phone: billed to B, plus the box's surcharge");
        api.SkipPast();
        await api.SetHookAsync(StationB, offHook: true, ct);

        // Dial after the dial tone, as a person does: keys pressed before the hook switch settles are on-hook keys.
        await api.WaitForAsync("hook.off", e => e.Station == StationB, s_wait, ct);
        var clock = Stopwatch.StartNew();
        // A full NANP number completes the dial plan: no inter-digit wait.
        await api.PressKeysAsync(StationB, BenchNetwork.Carol.FollowMeNumber[2..], ct);
        var outgoing = await api.WaitForAsync("call.outgoing", e => e.Station == StationB, s_wait, ct);
        timeline.Measured($"keys posted → call.outgoing (INVITE sent to {outgoing.Text("to")})", clock.Elapsed);
        await api.WaitForAsync("call.answered", e => e.Station == StationB, s_wait, ct);
        timeline.Measured("keys posted → call.answered (the caller's baresip answered)", clock.Elapsed);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        await api.SetHookAsync(StationB, offHook: false, ct);
        await api.WaitForAsync("call.ended", e => e.Station == StationB, s_wait, ct);
        await caller.WaitForEventAsync("CALL_CLOSED", s_wait, ct);
        var cdr = await WaitForCdrAsync(ct);
        timeline.Check(
            cdr is { } row && row.BilledUser == BenchNetwork.Bob.Username && row.DeviceId == BenchNetwork.DeviceId && row.SurchargeCents == BenchNetwork.DeviceSurchargeCents,
            $"CDR billed to {cdr?.BilledUser ?? "nobody"} from device {cdr?.DeviceId ?? "-"} with surcharge {cdr?.SurchargeCents} cents");
    }

    private async Task<CallDetailRecord?> WaitForCdrAsync(CancellationToken ct)
    {
        var reader = network.Server.CreateCdrReader();
        for (var attempt = 0; attempt < 50; attempt++)
        {
            var rows = await reader.ReadCallsAsync(ct);
            if (rows.FirstOrDefault(r => r.BilledUser == BenchNetwork.Bob.Username) is { } row)
            {
                return row;
            }

            await Task.Delay(100, ct);
        }

        return null;
    }

    private string DialUri(string number) => $"sip:{number}@{network.Server.Address}:{network.Server.Port}";
}
