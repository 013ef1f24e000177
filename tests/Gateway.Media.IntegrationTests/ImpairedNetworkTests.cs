using Gateway.Media.Sessions;
using Gateway.NetworkServer.IntegrationTests.Sip;

namespace Gateway.Media.IntegrationTests;

/// <summary>
/// baresip's audio reaches us through a seeded impairment relay (loss, delay, jitter with reordering): the jitter
/// buffer's webrtc-stats show the concealment and the delay it adapted to, and the tone still comes through.
/// </summary>
public sealed class ImpairedNetworkTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);
    private readonly string _dir = Directory.CreateTempSubdirectory("media-impaired-").FullName;

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

    [Fact]
    public async Task LossAndJitterFromBaresip_ConcealedAndBuffered_ToneSurvives()
    {
        var sink = Path.Combine(_dir, "heard.wav");
        await using var phone = await BaresipPhone.StartDirectAsync("PCMU");
        CallMediaStatus status;
        await using (var ua = new MediaUa(null, sink, ["PCMU"]))
        {
            var media = (CallMediaSession)ua.Station.CreateCallMedia(["PCMU"]);
            using var relay = new UdpImpairmentRelay(media.LocalRtp, new Impairment(Loss: 0.05, DelayMs: 20, JitterMs: 60, Seed: 4733));

            // baresip is told to send to the relay; the relay forwards to our real port (and we latch onto it).
            var offer = media.CreateOffer().Replace($"m=audio {media.LocalRtp.Port} ", $"m=audio {relay.Local.Port} ", StringComparison.Ordinal);
            var call = ua.Agent.Call($"sip:phone@127.0.0.1:{phone.Port}", MediaUa.Body(offer));
            await call.Connected.WaitAsync(s_wait);
            var answer = media.ApplyAnswer(MediaUa.Text(call.LastResponse!.Body));
            Assert.True(answer.Succeeded, answer.Error);

            var deadline = DateTime.UtcNow + s_wait;
            while (media.GetStatus().PacketsReceived < 300 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            status = media.GetStatus();
            var jb = media.GetStreamStatistics()!.JitterBuffer;
            output.WriteLine($"relay: forwarded {relay.Forwarded}, dropped {relay.Dropped}");
            output.WriteLine($"received {status.PacketsReceived}, lost {status.PacketsLost}, jitter {status.JitterMs:F1} ms, concealedSamples {status.ConcealedSamples}, concealmentEvents {status.ConcealmentEvents}, " +
                $"jitterBufferDelay/emitted {status.JitterBufferDelay / Math.Max(1, status.JitterBufferEmittedCount) * 1000:F1} ms, target {jb.TargetDelayMs} ms, discarded {jb.PacketsDiscarded}, " +
                $"inserted {status.InsertedSamplesForDeceleration}, removed {status.RemovedSamplesForAcceleration}");
            Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
            await media.DisposeAsync();
        }

        Assert.True(status.PacketsReceived >= 250, $"only {status.PacketsReceived} packets");
        Assert.True(status.PacketsLost >= 5, $"5 % loss should show as lost packets, got {status.PacketsLost}");
        Assert.True(status.ConcealedSamples >= 5 * 160 && status.ConcealmentEvents >= 3, "losses were not concealed");
        Assert.True(status.JitterMs >= 5, $"60 ms of jitter measured as {status.JitterMs:F1} ms");
        Assert.True(status.JitterBufferDelay / status.JitterBufferEmittedCount * 1000 >= 30, "the buffer did not grow for the jitter");

        var pcm = Wav.Read(sink, out var rate);
        var (good, windows) = Wav.JudgeTone(pcm, rate, 440);
        output.WriteLine($"{good} of {windows} windows carry 440 Hz through the impaired path");
        Assert.True(windows >= 20 && good >= windows * 0.6, $"{good} of {windows} windows carry the tone");
    }
}
