using System.Net;
using Gateway.Codecs.G711;
using Gateway.Media.Clock;
using Gateway.Media.Streams;

namespace Gateway.Media.Tests;

/// <summary>Two RTP audio streams on 127.0.0.1 sending to each other, driven by one media clock.</summary>
internal sealed class StreamPair : IDisposable
{
    private readonly MediaClock _clock = new(20);

    public StreamPair(IAudioDevice deviceA, IAudioDevice deviceB, TimeSpan? rtcpInterval = null)
    {
        var loopback = new IPEndPoint(IPAddress.Loopback, 0);
        var interval = rtcpInterval ?? TimeSpan.FromSeconds(5);
        A = new RtpAudioStream(Options(loopback, loopback, interval), deviceA);
        B = new RtpAudioStream(Options(A.LocalRtp, A.LocalRtcp, interval), deviceB);
        A.SetRemote(B.LocalRtp, B.LocalRtcp);
        A.Start();
        B.Start();
        _clock.Register(A);
        _clock.Register(B);
        _clock.Start();
    }

    public RtpAudioStream A { get; }

    public RtpAudioStream B { get; }

    public static async Task WaitUntil(Func<bool> condition, int timeoutMs = 5000)
    {
        var deadline = DateTime.UtcNow.AddMilliseconds(timeoutMs);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(condition(), "condition not met in time");
    }

    public void StopClock() => _clock.Dispose();

    public void Dispose()
    {
        _clock.Dispose();
        A.Dispose();
        B.Dispose();
    }

    private static RtpAudioStreamOptions Options(IPEndPoint remoteRtp, IPEndPoint remoteRtcp, TimeSpan interval) => new()
    {
        LocalRtp = new IPEndPoint(IPAddress.Loopback, 0),
        RemoteRtp = remoteRtp,
        RemoteRtcp = remoteRtcp,
        Codec = PcmuCodec.Instance,
        RtcpInterval = interval,
    };
}
