using System.Collections.Concurrent;
using Gateway.Media.Sessions;
using Gateway.NetworkServer.IntegrationTests.Sip;

namespace Gateway.Media.IntegrationTests;

/// <summary>
/// Our SipUserAgent and call media against a real baresip 1.0 on 127.0.0.1, no proxy: audio both ways judged by
/// Goertzel on both recordings (ours: the station's WAV sink; baresip's: sndfile's decoded dump), RFC 4733 digits
/// both ways, hold/resume from either side, and an unsupported offer refused with 488.
/// </summary>
public sealed class BaresipMediaTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(20);
    private readonly string _dir = Directory.CreateTempSubdirectory("media-interop-").FullName;

    public static TheoryData<string, int> Codecs() => new() { { "PCMU", 8000 }, { "PCMA", 8000 }, { "G722", 16000 }, { "opus", 16000 } };

    /// <summary>baresip's name for a codec (its G.722 registers at 16 kHz) and the rate its aufile source needs.</summary>
    private static (string Name, int ToneRate) Baresip(string codec) => codec switch
    {
        "G722" => ("G722/16000/1", 16000),
        "opus" => ("opus/48000/1", 48000),
        _ => (codec, 8000),
    };

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Theory]
    [MemberData(nameof(Codecs))]
    public async Task WeCallBaresip_ToneBothWays(string codec, int rate)
    {
        var source = Path.Combine(_dir, "1k.wav");
        var sink = Path.Combine(_dir, "heard.wav");
        Wav.WriteTone(source, rate, 1000, 10);
        string? dump;
        var (name, toneRate) = Baresip(codec);
        await using (var phone = await BaresipPhone.StartDirectAsync(name, toneRate))
        {
            await using (var ua = new MediaUa(source, sink, [codec], rate))
            {
                var (call, media, answer) = await CallAsync(ua, phone);
                Assert.True(answer.Succeeded, answer.Error);
                Assert.Equal(codec, answer.Codec);
                await phone.WaitForLogAsync("Call established", s_wait);
                await WaitUntil(() => media.GetStatus().PacketsReceived >= 200, "4 s of baresip's audio", phone);
                Report(codec, media.GetStatus());
                output.WriteLine($"clock: {ua.Station.Clock!.Jitter}, skipped {ua.Station.Clock.SkippedTicks}, sink failures {ua.Station.Clock.SinkFailures}");
                Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
            }

            dump = await DecodedDump(phone);
        }

        AssertTone(sink, 440, "baresip -> us");
        AssertTone(dump, 1000, "us -> baresip");
    }

    [Fact]
    public async Task BaresipCallsUs_Pcmu_ToneBothWays()
    {
        var source = Path.Combine(_dir, "1k.wav");
        var sink = Path.Combine(_dir, "heard.wav");
        Wav.WriteTone(source, 8000, 1000, 10);
        string? dump;
        await using (var phone = await BaresipPhone.StartDirectAsync("PCMU"))
        {
            await using (var ua = new MediaUa(source, sink, ["G722", "PCMU"]))
            {
                await phone.SendCommandAsync("dial", ua.Uri);
                var (call, media) = await ua.Incoming.WaitAsync(s_wait);
                Assert.NotNull(media);
                await phone.WaitForLogAsync("Call established", s_wait);
                await WaitUntil(() => media.GetStatus().PacketsReceived >= 200, "4 s of baresip's audio", phone);
                Report("PCMU inbound", media.GetStatus());
                Assert.Equal("PCMU", media.GetStatus().Codec);
                Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
            }

            dump = await DecodedDump(phone);
        }

        AssertTone(sink, 440, "baresip -> us");
        AssertTone(dump, 1000, "us -> baresip");
    }

    [Fact]
    public async Task Digits_BothWays_AsTelephoneEvents()
    {
        await using var phone = await BaresipPhone.StartDirectAsync("PCMU");
        await using var ua = new MediaUa(null, null, ["PCMU"]);
        var (call, media, answer) = await CallAsync(ua, phone);
        Assert.True(answer.Succeeded, answer.Error);
        await phone.WaitForLogAsync("Call established", s_wait);
        var received = new ConcurrentQueue<char>();
        media.DigitReceived += (_, d) => received.Enqueue(d);

        media.SendDigits("159#");
        await phone.WaitForLogAsync("received event: '#' (end=1)", s_wait);
        var log = phone.ReadLog();
        var order = new[] { '1', '5', '9', '#' }.Select(d => log.IndexOf($"received event: '{d}' (end=1)", StringComparison.Ordinal)).ToArray();
        Assert.True(order.All(i => i >= 0) && order.SequenceEqual(order.Order()), $"baresip's DTMF log out of order or incomplete:\n{log}");

        foreach (var digit in "2*80")
        {
            // One digit per command: menu's sndcode sends a key press; its release comes with the next key or on its own.
            output.WriteLine(await phone.SendCommandAsync("sndcode", digit.ToString()));
            await Task.Delay(300);
        }

        await WaitUntil(() => received.Count >= 4, "4 digits from baresip", phone);
        Assert.Equal("2*80", new string([.. received]));
        Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
    }

    [Fact]
    public async Task HoldFromOurSide_BaresipStopsSending_ThenResumes()
    {
        await using var phone = await BaresipPhone.StartDirectAsync("PCMU");
        await using var ua = new MediaUa(null, null, ["PCMU"]);
        var (call, media, _) = await CallAsync(ua, phone);
        await phone.WaitForLogAsync("Call established", s_wait);
        await WaitUntil(() => media.GetStatus().PacketsReceived >= 50, "audio before hold", phone);

        var hold = await MediaUa.ReInviteAsync(call, media, hold: true, s_wait);
        Assert.True(hold.Succeeded, hold.Error);
        Assert.Equal("sendonly", media.GetStatus().Direction);
        await Task.Delay(500);
        var before = media.GetStreamStatistics()!;
        await Task.Delay(1500);
        var after = media.GetStreamStatistics()!;
        output.WriteLine($"on hold: received {after.PacketsReceived - before.PacketsReceived}, dropped while not receiving {after.DroppedWhileNotReceiving - before.DroppedWhileNotReceiving}, sent {after.PacketsSent - before.PacketsSent} in 1.5 s");
        Assert.True(after.PacketsReceived - before.PacketsReceived + (after.DroppedWhileNotReceiving - before.DroppedWhileNotReceiving) <= 3, "baresip kept sending while held");
        Assert.True(after.PacketsSent - before.PacketsSent >= 40, "we stopped sending while holding (sendonly)");

        var resume = await MediaUa.ReInviteAsync(call, media, hold: false, s_wait);
        Assert.True(resume.Succeeded, resume.Error);
        Assert.Equal("sendrecv", media.GetStatus().Direction);
        var resumedAt = media.GetStatus().PacketsReceived;
        await WaitUntil(() => media.GetStatus().PacketsReceived >= resumedAt + 50, "audio after resume", phone);
        Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
    }

    [Fact]
    public async Task HoldFromBaresip_WeStopSending_ThenResume()
    {
        await using var phone = await BaresipPhone.StartDirectAsync("PCMU");
        await using var ua = new MediaUa(null, null, ["PCMU"]);
        var (call, media, _) = await CallAsync(ua, phone);
        await phone.WaitForLogAsync("Call established", s_wait);
        await WaitUntil(() => media.GetStatus().PacketsReceived >= 50, "audio before hold", phone);

        await phone.SendCommandAsync("hold");
        await WaitUntil(() => !ua.ReInviteOffers.IsEmpty, "hold re-INVITE", phone);
        await WaitUntil(() => media.GetStatus().Direction == "recvonly", "recvonly", phone);
        await Task.Delay(300);
        var sent = media.GetStatus().PacketsSent;
        await Task.Delay(1500);
        Assert.Equal(sent, media.GetStatus().PacketsSent);

        await phone.SendCommandAsync("resume");
        await WaitUntil(() => ua.ReInviteOffers.Count >= 2, "resume re-INVITE", phone);
        await WaitUntil(() => media.GetStatus().Direction == "sendrecv", "sendrecv", phone);
        await WaitUntil(() => media.GetStatus().PacketsSent >= sent + 50, "sending after resume", phone);
        Assert.Empty(ua.Refusals);
        Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
    }

    [Fact]
    public async Task BaresipOffersOnlyACodecWeLack_488()
    {
        await using var phone = await BaresipPhone.StartDirectAsync("G722/16000/1", 16000);
        await using var ua = new MediaUa(null, null, ["PCMU", "PCMA"]);

        await phone.SendCommandAsync("dial", ua.Uri);

        var (call, media) = await ua.Incoming.WaitAsync(s_wait);
        Assert.Null(media);
        Assert.Contains("no common codec", Assert.Single(ua.Refusals), StringComparison.Ordinal);
        Assert.Equal(488, (await call.Ended.WaitAsync(s_wait)).StatusCode);
        await phone.WaitForLogAsync("488", s_wait);
    }

    private static async Task<(Gateway.Sip.UserAgent.SipOutgoingCall Call, CallMediaSession Media, CallMediaNegotiation Answer)> CallAsync(MediaUa ua, BaresipPhone phone)
    {
        try
        {
            return await ua.CallAsync($"sip:phone@127.0.0.1:{phone.Port}", s_wait);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"baresip did not answer within {s_wait}\n--- baresip log ---\n{phone.ReadLog()}");
            throw;
        }
    }

    private static async Task WaitUntil(Func<bool> condition, string what, BaresipPhone phone)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {what} within {s_wait}\n--- baresip log ---\n{phone.ReadLog()}");
            await Task.Delay(50);
        }
    }

    /// <summary>sndfile's dump of what baresip decoded; it is complete once the call's audio is closed.</summary>
    private static async Task<string> DecodedDump(BaresipPhone phone)
    {
        await phone.WaitForLogAsync("session closed", s_wait);
        await Task.Delay(300);
        var dump = Directory.GetFiles(phone.Folder, "dump-*dec*.wav").SingleOrDefault();
        Assert.True(dump is not null, $"no decoded dump in {phone.Folder}: {string.Join(", ", Directory.GetFiles(phone.Folder))}\n{phone.ReadLog()}");
        var copy = Path.Combine(Path.GetTempPath(), $"{Guid.NewGuid():N}.wav");
        File.Copy(dump, copy);
        return copy;
    }

    private void AssertTone(string path, double frequency, string what)
    {
        var pcm = Wav.Read(path, out var rate);
        var (good, windows) = Wav.JudgeTone(pcm, rate, frequency);
        output.WriteLine($"{what}: {good} of {windows} loud 100 ms windows at {rate} Hz carry {frequency} Hz");
        Assert.True(windows >= 15, $"{what}: only {windows} windows of audio");
        Assert.True(good >= windows * 0.8, $"{what}: only {good} of {windows} windows carry {frequency} Hz");
    }

    private void Report(string what, CallMediaStatus s) => output.WriteLine(
        $"{what}: {s.Codec} {s.Direction} remote {s.RemoteRtp}, sent {s.PacketsSent}, received {s.PacketsReceived}, lost {s.PacketsLost}, jitter {s.JitterMs:F2} ms, " +
        $"concealed {s.ConcealedSamples} ({s.ConcealmentEvents} events), jb delay {(s.JitterBufferEmittedCount > 0 ? s.JitterBufferDelay / s.JitterBufferEmittedCount * 1000 : 0):F1} ms");
}
