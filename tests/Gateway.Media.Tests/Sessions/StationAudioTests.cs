using System.Collections.Concurrent;
using System.Net;
using Gateway.Dsp.CallerId;
using Gateway.Dsp.Dtmf;
using Gateway.Dsp.Tones;
using Gateway.Media.Sessions;

namespace Gateway.Media.Tests.Sessions;

/// <summary>The station's local audio, ticked by hand: tones, caller ID, in-band detectors.</summary>
public sealed class StationAudioTests
{
    private static StationAudio Manual(ScriptedAudioDevice device, string plan = "us", bool fxs = false, bool dtmf = false) => new(
        new StationAudioOptions { Device = device, TonePlan = plan, LocalRtpAddress = IPAddress.Loopback, Fxs = fxs, DetectInBandDtmf = dtmf },
        startClock: false);

    private static short[] Run(StationAudio station, ScriptedAudioDevice device, int ms)
    {
        var before = device.Played().Length;
        for (var i = 0; i < ms / 20; i++)
        {
            station.OnTick(i);
        }

        return device.Played()[before..];
    }

    /// <summary>Per 20 ms frame: is the tone present (each component at least -40 dBm0-ish)?</summary>
    private static bool[] Presence(short[] pcm, int rate, params double[] frequencies)
    {
        var frame = rate / 50;
        var result = new bool[pcm.Length / frame];
        for (var f = 0; f < result.Length; f++)
        {
            var w = pcm[(f * frame)..((f + 1) * frame)];
            result[f] = frequencies.All(hz => Tone.Power(w, rate, hz) > 2000);
        }

        return result;
    }

    private static int LongestRun(bool[] frames, bool value)
    {
        int best = 0, run = 0;
        foreach (var f in frames)
        {
            run = f == value ? run + 1 : 0;
            best = Math.Max(best, run);
        }

        return best;
    }

    [Theory]
    [InlineData("us", 8000, 350.0, 440.0)]
    [InlineData("uk", 8000, 350.0, 440.0)]
    [InlineData("de", 16000, 425.0, 425.0)]
    public async Task DialTone_PlanFrequencies_Continuous(string plan, int rate, double f1, double f2)
    {
        var device = new ScriptedAudioDevice(AudioFormat.ForFrameMs(rate, 20));
        await using var station = Manual(device, plan);
        station.PlayTone(ToneKind.Dial);
        var pcm = Run(station, device, 1000);
        var present = Presence(pcm, rate, f1, f2);
        Assert.True(present.Skip(1).All(p => p), $"dial tone gaps: {string.Concat(present.Select(p => p ? '#' : '.'))}");
        Assert.True(Tone.Power(pcm, rate, 1000) < Tone.Power(pcm, rate, f1) / 1000, "energy off the plan's frequencies");

        station.StopTone();
        var after = Run(station, device, 100);
        Assert.True(Tone.Rms(after) < 1, "tone did not stop");
    }

    [Theory]
    [InlineData("us", ToneKind.Busy, 480.0, 620.0, 500, 500)]
    [InlineData("us", ToneKind.Reorder, 480.0, 620.0, 250, 250)]
    [InlineData("de", ToneKind.Busy, 425.0, 425.0, 480, 480)]
    [InlineData("uk", ToneKind.Busy, 400.0, 400.0, 375, 375)]
    [InlineData("us", ToneKind.Ringback, 440.0, 480.0, 2000, 4000)]
    public async Task CadencedTone_OnOffTimesMatchPlan(string plan, ToneKind kind, double f1, double f2, int onMs, int offMs)
    {
        var device = new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20));
        await using var station = Manual(device, plan);
        station.PlayTone(kind);
        var present = Presence(Run(station, device, (onMs + offMs) * 2), 8000, f1, f2);
        var trace = string.Concat(present.Select(p => p ? '#' : '.'));

        // A frame holding any part of a burst counts as on, so a run may cover one frame more than the cadence
        // (375 ms touches 20 frames) and the gap one frame less.
        Assert.InRange(LongestRun(present, true), onMs / 20, (onMs + 39) / 20);
        Assert.InRange(LongestRun(present, false), (offMs / 20) - 1, (offMs + 19) / 20);
        Assert.True(present[0], trace);
    }

    [Theory]
    [InlineData("us", 8000)]
    [InlineData("us", 16000)]
    [InlineData("uk", 8000)]
    [InlineData("de", 8000)]
    public async Task CallerId_Fsk_DecodesWithTheDemodulator(string plan, int rate)
    {
        var device = new ScriptedAudioDevice(AudioFormat.ForFrameMs(rate, 20));
        await using var station = Manual(device, plan, fxs: true);
        station.SendCallerId("+1 (555) 123-4567", "PAY PHONE 7", new DateTimeOffset(2026, 11, 26, 9, 45, 0, TimeSpan.Zero));
        Assert.True(station.SendingCallerId);
        var pcm = Run(station, device, 2000);
        Assert.False(station.SendingCallerId);

        var demodulator = new FskDemodulator(plan == "us" ? FskStandard.Bell202 : FskStandard.V23, rate);
        var bytes = new List<byte>();
        for (var i = 0; i + 160 <= pcm.Length; i += 160)
        {
            demodulator.Process(pcm.AsSpan(i, 160));
            while (demodulator.TryReadByte(out var b))
            {
                bytes.Add(b);
            }
        }

        var start = bytes.IndexOf(Mdmf.MessageType);
        Assert.True(start >= 0, "no MDMF message");
        Assert.True(Mdmf.TryDecode(bytes.ToArray().AsSpan(start), out var message, out var error), error);
        Assert.Equal("15551234567", message!.Number);
        Assert.Equal("PAY PHONE 7", message.Name);
        Assert.Equal((11, 26, 9, 45), (message.Month, message.Day, message.Hour, message.Minute));
    }

    [Fact]
    public async Task CallerId_WithoutFxs_NoOp()
    {
        var device = new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20));
        await using var station = Manual(device);
        station.SendCallerId("5551234", null, DateTimeOffset.UtcNow);
        Assert.False(station.SendingCallerId);
        Assert.True(Tone.Rms(Run(station, device, 200)) < 1);
    }

    [Fact]
    public async Task InBandDtmf_OnCapturedAudio_RaisesDigitDetected()
    {
        var device = new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20), DtmfGenerator.RenderDigits("19*#", 8000));
        await using var station = Manual(device, dtmf: true);
        var digits = new ConcurrentQueue<char>();
        station.DigitDetected += (_, d) => digits.Enqueue(d);
        _ = Run(station, device, 1200);
        await CallPair.WaitUntil(() => digits.Count >= 4, "4 digits", 3000);
        Assert.Equal("19*#", new string([.. digits]));
    }

    [Fact]
    public async Task InBandDtmf_Disabled_NothingRaised()
    {
        var device = new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20), DtmfGenerator.RenderDigits("5", 8000));
        await using var station = Manual(device);
        var raised = false;
        station.DigitDetected += (_, _) => raised = true;
        _ = Run(station, device, 600);
        await Task.Delay(100);
        Assert.False(raised);
    }

    [Fact]
    public async Task FaxCalling_Cng_RaisesFaxToneDetected()
    {
        var cng = Tone.Sine(8000, 1100, 4400, 6000);
        var device = new ScriptedAudioDevice(AudioFormat.ForFrameMs(8000, 20), [.. cng, .. new short[8000]]);
        await using var station = Manual(device);
        var tones = new ConcurrentQueue<string>();
        station.FaxToneDetected += (_, t) => tones.Enqueue(t);
        _ = Run(station, device, 1400);
        await CallPair.WaitUntil(() => !tones.IsEmpty, "CNG", 3000);
        Assert.Equal("CNG", tones.Single());
    }

    [Fact]
    public void UnknownTonePlan_Throws()
        => Assert.Throws<ArgumentException>(() => new StationAudio(new StationAudioOptions { Device = new ScriptedAudioDevice(new AudioFormat(8000, 160)), TonePlan = "fr", LocalRtpAddress = IPAddress.Loopback }));

    [Fact]
    public async Task Tone_StopsWhenACallStarts_AndDisposeReleasesTheDevice()
    {
        var format = AudioFormat.ForFrameMs(8000, 20);
        var deviceA = new ScriptedAudioDevice(format);
        var pair = CallPair.Connect(deviceA, new ScriptedAudioDevice(format), ["PCMU"]);
        pair.B.PlayTone(ToneKind.Ringback);
        Assert.True(pair.B.PlayingTone);
        var call = pair.B.CreateCallMedia(["PCMU"]);
        var answer = ((CallMediaSession)call).AnswerOffer(pair.CallA.CreateOffer());
        Assert.True(answer.Succeeded);
        call.Start();
        Assert.False(pair.B.PlayingTone);
        await pair.DisposeAsync();
        Assert.True(deviceA.Disposed);
    }
}
