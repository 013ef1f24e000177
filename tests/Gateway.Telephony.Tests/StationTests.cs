using Gateway.Hardware;
using Gateway.Telephony.Events;
using Gateway.Telephony.Stations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Telephony.Tests;

public sealed class StationTests : IAsyncDisposable
{
    private readonly FakeHookSwitch _hook = new();
    private readonly FakeRinger _ringer = new();
    private readonly FakeDisplay _display = new();
    private readonly ChannelHardwareEventSink _sink = new(64);
    private readonly EventBus _bus = new();
    private readonly EventSubscription _events;
    private readonly FakeTimeProvider _time = new(DateTimeOffset.FromUnixTimeSeconds(1_800_000_000));
    private readonly Station _station;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public StationTests()
    {
        _ringer.IsOffHook = () => _hook.IsOffHook;
        var devices = new StationDevices { HookSwitch = _hook, Ringer = _ringer, Display = _display };
        var identity = new StationIdentity("booth-1", "Booth", ["Reader A"], ["Insert card", "Emergency 911"]);
        _events = _bus.Subscribe();
        _station = new Station(identity, devices, _sink.Reader, _bus, _time, NullLogger.Instance);
        _station.Start();
        _loop = _station.RunAsync(_stop.Token);
    }

    [Fact]
    public async Task Start_ShowsIdleText()
    {
        var display = await NextAsync("display");

        Assert.Equal("Insert card\nEmergency 911", display.Data!["text"]!.GetValue<string>());
        Assert.Equal(["Insert card", "Emergency 911"], _station.Snapshot().Display);
    }

    [Fact]
    public async Task OffHook_WhileRinging_StopsRingingBeforeReportingHookOff()
    {
        Assert.True(_station.Ring(RingCadences.UsStandard));
        await NextAsync("ring.start");

        _hook.IsOffHook = true;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), true));

        await NextAsync("ring.stop");
        await NextAsync("hook.off");
        Assert.False(_ringer.IsRinging);
    }

    [Fact]
    public async Task Ring_WhileOffHook_IsRefused()
    {
        _hook.IsOffHook = true;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), true));
        await NextAsync("hook.off");

        Assert.False(_station.Ring(RingCadences.UsStandard));
        Assert.False(_ringer.IsRinging);
    }

    [Fact]
    public async Task RingStart_CarriesCadenceName()
    {
        Assert.True(RingCadences.TryGet("distinctive-1", out var cadence));

        _station.Ring(cadence);

        var started = await NextAsync("ring.start");
        Assert.Equal("distinctive-1", started.Data!["cadence"]!.GetValue<string>());
        Assert.Equal("distinctive-1", _station.Snapshot().Cadence);
    }

    [Fact]
    public async Task Digits_OffHook_AccumulateAndShowOnDisplay()
    {
        _hook.IsOffHook = true;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), true));
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '9'));
        _sink.Publish(new PulseDigitDialed(_time.GetUtcNow(), '1'));
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '1'));

        var last = await NextAsync("key");
        Assert.Equal("keypad", last.Data!["source"]!.GetValue<string>());
        var pulse = await NextAsync("key");
        Assert.Equal("pulse", pulse.Data!["source"]!.GetValue<string>());
        await NextAsync("key");
        Assert.Equal("911", _station.Snapshot().Digits);
        Assert.Equal("911", _display.Lines[1]);
    }

    [Fact]
    public async Task Flash_ClearsDigits_AndReportsDuration()
    {
        _hook.IsOffHook = true;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), true));
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '5'));
        _sink.Publish(new HookFlash(_time.GetUtcNow(), TimeSpan.FromMilliseconds(300)));

        var flash = await NextAsync("flash");

        Assert.Equal(300, flash.Data!["durationMs"]!.GetValue<long>());
        Assert.Equal(string.Empty, _station.Snapshot().Digits);
    }

    [Fact]
    public async Task OnHook_ReturnsToIdleText()
    {
        _hook.IsOffHook = true;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), true));
        _hook.IsOffHook = false;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), false));

        await NextAsync("hook.on");
        var display = await NextAsync("display");

        Assert.Equal("Insert card\nEmergency 911", display.Data!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_CarryStationIdAndClockTime()
    {
        _sink.Publish(new CoinInserted(_time.GetUtcNow(), 5));

        var coin = await NextAsync("coin");

        Assert.Equal("booth-1", coin.StationId);
        Assert.Equal(_time.GetUtcNow(), coin.Timestamp);
        Assert.Equal(5, coin.Data!["pulses"]!.GetValue<int>());
    }

    [Fact]
    public void SetCardPresent_UnknownReader_IsRejected()
    {
        Assert.False(_station.SetCardPresent("Reader B", true));
        Assert.True(_station.SetCardPresent("Reader A", true));
        Assert.True(_station.Snapshot().Readers.Single().CardPresent);
    }

    [Fact]
    public async Task RunAsync_Cancelled_StopsRingerAndEnds()
    {
        _station.Ring(RingCadences.UsStandard);

        await _stop.CancelAsync();
        await _loop.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.False(_ringer.IsRinging);
    }

    [Fact]
    public async Task InterceptKeys_KeysPressedWhileIntercepted_ReachInterceptorNotDialler()
    {
        var interceptor = new RecordingInterceptor();
        _hook.IsOffHook = true;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), true));
        await NextAsync("hook.off");

        var lease = _station.InterceptKeys(interceptor);
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '2'));
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '4'));
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '#'));
        _sink.Publish(new CoinInserted(_time.GetUtcNow(), 1));
        await NextAsync("coin");
        lease.Dispose();
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '5'));

        // The first key event on the stream is the one pressed after the lease ended: the PIN keys never appeared.
        var key = await NextAsync("key");
        Assert.Equal("5", key.Data!["key"]!.GetValue<string>());
        Assert.Equal("24#", interceptor.Keys);
        Assert.Equal("5", _station.Snapshot().Digits);
    }

    [Fact]
    public async Task InterceptKeys_InterceptorDeclinesKey_KeyIsDialled()
    {
        using var lease = _station.InterceptKeys(new RecordingInterceptor { Accept = k => k != 'A' });
        _hook.IsOffHook = true;
        _sink.Publish(new HookChanged(_time.GetUtcNow(), true));
        await NextAsync("hook.off");

        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '1'));
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), 'A'));

        var key = await NextAsync("key");
        Assert.Equal("A", key.Data!["key"]!.GetValue<string>());
        Assert.Equal("A", _station.Snapshot().Digits);
    }

    [Fact]
    public async Task InterceptKeys_OlderLeaseDisposed_NewerInterceptorKeepsTheKeys()
    {
        var older = new RecordingInterceptor();
        var newer = new RecordingInterceptor();
        var olderLease = _station.InterceptKeys(older);
        using var newerLease = _station.InterceptKeys(newer);

        olderLease.Dispose();
        _sink.Publish(new KeyPressed(_time.GetUtcNow(), '7'));
        _sink.Publish(new CoinInserted(_time.GetUtcNow(), 1));
        await NextAsync("coin");

        Assert.Equal("7", newer.Keys);
        Assert.Equal(string.Empty, older.Keys);
    }

    [Fact]
    public void SetCardAccount_CardPresent_AppearsInSnapshotUntilCardRemoved()
    {
        Assert.False(_station.SetCardAccount("Reader A", "T. Raveller", "+351211234567"));
        Assert.True(_station.SetCardPresent("Reader A", true));

        Assert.True(_station.SetCardAccount("Reader A", "T. Raveller", "+351211234567"));
        Assert.Equal(new ReaderSnapshot("Reader A", true, "T. Raveller", "+351211234567"), _station.Snapshot().Readers[0]);

        _station.SetCardPresent("Reader A", false);
        Assert.Equal(new ReaderSnapshot("Reader A", false), _station.Snapshot().Readers[0]);
        Assert.False(_station.SetCardAccount("Reader B", "x", "y"));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop.WaitAsync(TimeSpan.FromSeconds(5));
        _events.Dispose();
        _station.Dispose();
        _stop.Dispose();
        Assert.True(_hook.Disposed);
        Assert.True(_ringer.Disposed);
    }

    private async Task<GatewayEvent> NextAsync(string type)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var next = await _events.Reader.ReadAsync(cts.Token);
            if (next.Type == type)
            {
                return next;
            }
        }
    }

    private sealed class RecordingInterceptor : IKeyInterceptor
    {
        private readonly System.Text.StringBuilder _keys = new();

        public Func<char, bool> Accept { get; init; } = _ => true;

        public string Keys
        {
            get
            {
                lock (_keys)
                {
                    return _keys.ToString();
                }
            }
        }

        public bool TryInterceptKey(char key)
        {
            if (!Accept(key))
            {
                return false;
            }

            lock (_keys)
            {
                _keys.Append(key);
            }

            return true;
        }
    }
}
