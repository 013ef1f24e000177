using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class CoinAcceptorBaseTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ChannelHardwareEventSink _sink = new(64);

    [Fact]
    public void OnPulse_ThreePulsesThenGap_OneCoinOfThree()
    {
        using var coin = new SimulatedCoinAcceptor(new CoinAcceptorSettings(), _sink, _time);
        for (var i = 0; i < 3; i++)
        {
            coin.Pulse();
            _time.Step(100);
        }

        _time.Step(149);
        Assert.Empty(_sink.Drain());
        _time.Step(1);
        Assert.Equal(3, Assert.IsType<CoinInserted>(Assert.Single(_sink.Drain())).Pulses);
    }

    [Fact]
    public void OnPulse_GapTimerLateWhenNextCoinStarts_CoinsStaySeparate()
    {
        var clock = new LateTimerClock();
        using var coin = new SimulatedCoinAcceptor(new CoinAcceptorSettings(), _sink, clock);
        coin.Pulse();
        clock.Advance(100);
        coin.Pulse();
        clock.Advance(400); // the gap has passed, but its timer callback has not run yet
        coin.Pulse();
        clock.Advance(300);
        clock.RunDueTimers();

        var coins = _sink.Drain().Cast<CoinInserted>().Select(c => c.Pulses).ToArray();
        Assert.Equal([2, 1], coins);
    }

    [Fact]
    public void OnPulse_TwoCoinsSeparatedByGap_TwoEvents()
    {
        using var coin = new SimulatedCoinAcceptor(new CoinAcceptorSettings(), _sink, _time);
        coin.Pulse();
        _time.Step(600);
        coin.Pulse();
        _time.Step(50);
        coin.Pulse();
        _time.Step(600);

        Assert.Equal([1, 2], _sink.Drain().Select(e => Assert.IsType<CoinInserted>(e).Pulses));
    }

    [Fact]
    public void OnPulse_BounceCloserThanMinSpacing_Ignored()
    {
        using var coin = new SimulatedCoinAcceptor(new CoinAcceptorSettings(), _sink, _time);
        coin.Pulse();
        _time.Step(2);
        coin.Pulse();
        _time.Step(600);

        Assert.Equal(1, Assert.IsType<CoinInserted>(Assert.Single(_sink.Drain())).Pulses);
    }

    [Fact]
    public void Ctor_InvalidSettings_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SimulatedCoinAcceptor(new CoinAcceptorSettings { MaxPulsesPerCoin = 0 }, _sink, _time));
    }
}

public sealed class StatusLedBaseTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();

    [Fact]
    public void Pattern_BlinkSlow_TogglesEvery500Ms()
    {
        using var led = new SimulatedStatusLed(_time);
        var changes = new List<(long, bool)>();
        var start = _time.GetUtcNow();
        led.LitChanged += (_, lit) => changes.Add(((long)(_time.GetUtcNow() - start).TotalMilliseconds, lit));

        led.Pattern = LedPattern.BlinkSlow;
        _time.Step(2000);

        Assert.Equal([(0L, true), (500L, false), (1000L, true), (1500L, false), (2000L, true)], changes);
    }

    [Fact]
    public void Pattern_BlinkFastThenOn_SteadyAfterSwitch()
    {
        using var led = new SimulatedStatusLed(_time);
        led.Pattern = LedPattern.BlinkFast;
        _time.Step(125);
        Assert.False(led.IsLit);
        led.Pattern = LedPattern.On;
        _time.Step(1000);
        Assert.True(led.IsLit);
        led.Pattern = LedPattern.Off;
        Assert.False(led.IsLit);
    }

    [Fact]
    public void Pattern_Undefined_Throws()
    {
        using var led = new SimulatedStatusLed(_time);
        Assert.Throws<ArgumentOutOfRangeException>(() => led.Pattern = (LedPattern)42);
    }
}
