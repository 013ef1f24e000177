using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class RingerBaseTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly List<(double AtMs, bool On)> _bell = [];
    private readonly DateTimeOffset _start;
    private readonly SimulatedRinger _ringer;
    private bool _offHook;

    public RingerBaseTests()
    {
        _start = _time.GetUtcNow();
        _ringer = new SimulatedRinger(_time, () => _offHook);
        _ringer.BellChanged += (_, on) => _bell.Add(((_time.GetUtcNow() - _start).TotalMilliseconds, on));
    }

    public void Dispose() => _ringer.Dispose();

    [Fact]
    public void Start_UsStandard_TransitionsAtCadenceTimes()
    {
        _ringer.Start(RingCadences.UsStandard);
        _time.Step(12_500);

        Assert.Equal([(0, true), (2000, false), (6000, true), (8000, false), (12000, true)], _bell);
        Assert.True(_ringer.IsRinging);
        Assert.Same(RingCadences.UsStandard, _ringer.Cadence);
    }

    [Fact]
    public void Start_Distinctive2_TransitionsAtCadenceTimes()
    {
        Assert.True(RingCadences.TryGet("distinctive-2", out var cadence));
        _ringer.Start(cadence);
        _time.Step(6100);

        Assert.Equal(
            [(0, true), (400, false), (600, true), (1000, false), (1200, true), (2000, false), (6000, true)],
            _bell);
    }

    [Fact]
    public void Stop_WhileRinging_BellOffAndNoFurtherTransitions()
    {
        _ringer.Start(RingCadences.UsStandard);
        _time.Step(1000);
        _ringer.Stop();
        _time.Step(20_000);

        Assert.Equal([(0, true), (1000, false)], _bell);
        Assert.False(_ringer.IsRinging);
        Assert.Null(_ringer.Cadence);
        Assert.False(_ringer.IsBellOn);
    }

    [Fact]
    public void Start_WhileOffHook_Refused()
    {
        _offHook = true;
        _ringer.Start(RingCadences.UsStandard);
        _time.Step(10_000);

        Assert.Empty(_bell);
        Assert.False(_ringer.IsRinging);
    }

    [Fact]
    public void OnTimer_OffHookDuringOffSegment_NextOnSegmentSuppressed()
    {
        _ringer.Start(RingCadences.UsStandard);
        _time.Step(3000);
        _offHook = true;
        _time.Step(10_000);

        Assert.Equal([(0, true), (2000, false)], _bell);
        Assert.False(_ringer.IsRinging);
    }

    [Fact]
    public void Start_WhileRinging_RestartsWithNewCadence()
    {
        _ringer.Start(RingCadences.UsStandard);
        _time.Step(500);
        _ringer.Start(RingCadences.UkDouble);
        _time.Step(700);

        Assert.Equal([(0, true), (500, false), (500, true), (900, false), (1100, true)], _bell);
        Assert.Same(RingCadences.UkDouble, _ringer.Cadence);
    }

    [Fact]
    public void Start_AfterDispose_Throws()
    {
        _ringer.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _ringer.Start(RingCadences.UsStandard));
    }
}
