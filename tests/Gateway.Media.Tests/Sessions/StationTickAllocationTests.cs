using System.Net;
using Gateway.Dsp.Tones;
using Gateway.Media.Sessions;

namespace Gateway.Media.Tests.Sessions;

/// <summary>The station's tick with a call, a tone, detectors and resampling allocates nothing once warm.</summary>
public sealed class StationTickAllocationTests
{
    [Theory]
    [InlineData("PCMU", 8000)]
    [InlineData("G722", 8000)]
    [InlineData("PCMA", 16000)]
    public async Task Tick_WithCallToneAndDetectors_AllocatesNothing(string codec, int rate)
    {
        var format = AudioFormat.ForFrameMs(rate, 20);
        var tone = Tone.Sine(rate, 1000, rate * 30, 8000);
        await using var a = new StationAudio(new StationAudioOptions { Device = new ScriptedAudioDevice(format, tone, record: false), LocalRtpAddress = IPAddress.Loopback, DetectInBandDtmf = true, Fxs = true }, startClock: false);
        await using var b = new StationAudio(new StationAudioOptions { Device = new ScriptedAudioDevice(format, tone, record: false), LocalRtpAddress = IPAddress.Loopback }, startClock: false);
        var callA = (CallMediaSession)a.CreateCallMedia([codec]);
        var callB = b.CreateCallMedia([codec]);
        var answer = callB.AnswerOffer(callA.CreateOffer());
        Assert.True(callA.ApplyAnswer(answer.Sdp!).Succeeded);
        callB.Start();
        a.PlayTone(ToneKind.CallWaiting);

        void Round(long i)
        {
            a.OnTick(i);
            b.OnTick(i);
        }

        for (var i = 0; i < 300; i++)
        {
            Round(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 300; i < 600; i++)
        {
            Round(i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(callA.GetStatus().PacketsReceived > 100, "no media flowed");
    }
}
