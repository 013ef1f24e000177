using System.Net;
using Gateway.Media.Sessions;

namespace Gateway.Media.Tests.Sessions;

/// <summary>Two stations on 127.0.0.1, each with its own clock, and a call between them set up by offer/answer.</summary>
internal sealed class CallPair : IAsyncDisposable
{
    /// <summary>Tests running media clocks share one collection so they do not run in parallel with each other.</summary>
    public const string Collection = "media clocks";

    private CallPair(StationAudio a, StationAudio b, CallMediaSession callA, CallMediaSession callB, CallMediaNegotiation answer)
    {
        A = a;
        B = b;
        CallA = callA;
        CallB = callB;
        Answer = answer;
    }

    public StationAudio A { get; }

    public StationAudio B { get; }

    /// <summary>The caller's media (made the offer).</summary>
    public CallMediaSession CallA { get; }

    /// <summary>The callee's media (answered).</summary>
    public CallMediaSession CallB { get; }

    public CallMediaNegotiation Answer { get; }

    public static StationAudio Station(IAudioDevice device, string plan = "us") => new(new StationAudioOptions
    {
        Device = device,
        TonePlan = plan,
        LocalRtpAddress = IPAddress.Loopback,
    });

    public static CallPair Connect(IAudioDevice deviceA, IAudioDevice deviceB, string[] codecsA, string[]? codecsB = null)
    {
        var a = Station(deviceA);
        var b = Station(deviceB);
        var callA = (CallMediaSession)a.CreateCallMedia(codecsA);
        var callB = (CallMediaSession)b.CreateCallMedia(codecsB ?? codecsA);
        var answer = callB.AnswerOffer(callA.CreateOffer());
        Assert.True(answer.Succeeded, answer.Error);
        callB.Start();
        var applied = callA.ApplyAnswer(answer.Sdp!);
        Assert.True(applied.Succeeded, applied.Error);
        return new CallPair(a, b, callA, callB, answer);
    }

    public static async Task WaitUntil(Func<bool> condition, string what, int timeoutMs = 10000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), $"{what}: not within {timeoutMs} ms");
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
    }
}
