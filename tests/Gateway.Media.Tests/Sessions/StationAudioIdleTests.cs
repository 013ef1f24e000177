using System.Net;
using Gateway.Dsp.Tones;
using Gateway.Media.Clock;
using Gateway.Media.Sessions;

namespace Gateway.Media.Tests.Sessions;

/// <summary>An on-hook station with nothing to play is off its clock: no capture, no detection, no playout.</summary>
public sealed class StationAudioIdleTests
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(10);

    private static StationAudio Clocked(ScriptedAudioDevice device, bool fxs = false) => new(
        new StationAudioOptions { Device = device, TonePlan = "us", LocalRtpAddress = IPAddress.Loopback, Fxs = fxs });

    private static async Task<int> PlayedAfterAsync(ScriptedAudioDevice device, int ms)
    {
        var before = device.Played().Length;
        await Task.Delay(ms);
        return device.Played().Length - before;
    }

    private static async Task AssertTickedOnlyBetweenAsync(ScriptedAudioDevice device, Action start, Action stop)
    {
        start();
        Assert.True(await PlayedAfterAsync(device, 200) > 0);

        stop();
        await Task.Delay(60); // a tick already running may still finish
        Assert.Equal(0, await PlayedAfterAsync(device, 200));
    }

    [Fact]
    public async Task OnHookAndSilent_NotTicked()
    {
        var device = new ScriptedAudioDevice(new AudioFormat(8000, 160));
        await using var station = Clocked(device);

        Assert.False(station.Active);
        Assert.Equal(0, await PlayedAfterAsync(device, 200));
    }

    [Fact]
    public async Task OffHook_TickedUntilOnHookAgain()
    {
        var device = new ScriptedAudioDevice(new AudioFormat(8000, 160));
        await using var station = Clocked(device);

        await AssertTickedOnlyBetweenAsync(device, () =>
        {
            station.SetOffHook(true);
            Assert.True(station.Active);
        }, () => station.SetOffHook(false));
        Assert.False(station.Active);
    }

    [Fact]
    public async Task ToneWhileOnHook_TickedUntilStopped()
    {
        var device = new ScriptedAudioDevice(new AudioFormat(8000, 160));
        await using var station = Clocked(device);

        await AssertTickedOnlyBetweenAsync(device, () => station.PlayTone(ToneKind.Dial), station.StopTone);
    }

    [Fact]
    public async Task CallerIdOnHook_PlayedInFullThenIdle()
    {
        var device = new ScriptedAudioDevice(new AudioFormat(8000, 160));
        await using var station = Clocked(device, fxs: true);

        station.SendCallerId("5551234567", "ALICE", new DateTimeOffset(2026, 11, 27, 9, 30, 0, TimeSpan.Zero));
        Assert.True(station.Active);
        using var timeout = new CancellationTokenSource(s_patience);
        while (station.SendingCallerId)
        {
            await Task.Delay(20, timeout.Token);
        }

        await Task.Delay(60);
        Assert.False(station.Active);
        Assert.True(device.Played().Any(s => s != 0), "the burst reached the device");
        Assert.Equal(0, await PlayedAfterAsync(device, 200));
    }

    [Fact]
    public async Task MediaClock_WithoutStreams_SleepsAndResumesWithConsecutiveTicks()
    {
        using var clock = new MediaClock();
        clock.Start();
        var sink = new RecordingSink();

        clock.Register(sink);
        await sink.WaitForTicksAsync(5);
        clock.Unregister(sink);
        await Task.Delay(200);
        var lastBeforePause = sink.Ticks[^1];
        clock.Register(sink);
        await sink.WaitForTicksAsync(sink.Ticks.Count + 5);
        clock.Unregister(sink);

        var resumed = sink.Ticks.SkipWhile(t => t <= lastBeforePause).First();
        Assert.True(resumed <= lastBeforePause + 2, $"ticks went on after {lastBeforePause} at {resumed}: the pause ticked nothing");
        Assert.Equal(0, clock.SkippedTicks);
    }

    private sealed class RecordingSink : IMediaClockSink
    {
        private readonly Lock _lock = new();
        private readonly List<long> _ticks = [];

        public List<long> Ticks
        {
            get
            {
                lock (_lock)
                {
                    return [.. _ticks];
                }
            }
        }

        public void OnTick(long tick)
        {
            lock (_lock)
            {
                _ticks.Add(tick);
            }
        }

        public async Task WaitForTicksAsync(int count)
        {
            using var timeout = new CancellationTokenSource(s_patience);
            while (Ticks.Count < count)
            {
                await Task.Delay(10, timeout.Token);
            }
        }
    }
}
