using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class KeypadBaseTests
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ChannelHardwareEventSink _sink = new(64);

    private sealed class RawKeypad(IHardwareEventSink sink, TimeProvider time) : KeypadBase(sink, time)
    {
        public void Down(char key) => OnKeyDown(key);

        public void Up(char key) => OnKeyUp(key);
    }

    private string Keys() => string.Concat(_sink.Drain().Select(e => Assert.IsType<KeyPressed>(e).Key));

    [Fact]
    public void OnKeyDown_HeldKeyReportedRepeatedly_PublishedOnce()
    {
        using var keypad = new RawKeypad(_sink, _time);
        keypad.Down('5');
        keypad.Down('5');
        _time.Step(100);
        keypad.Down('5');
        keypad.Up('5');

        Assert.Equal("5", Keys());
    }

    [Fact]
    public void OnKeyDown_BounceWithinDebounce_Ignored()
    {
        using var keypad = new RawKeypad(_sink, _time);
        keypad.Down('7');
        _time.Step(5);
        keypad.Up('7');
        _time.Step(10);
        keypad.Down('7');
        keypad.Up('7');
        _time.Step(40);
        keypad.Down('7');

        Assert.Equal("77", Keys());
    }

    [Fact]
    public void OnKeyDown_TwoKeysRolledOver_BothPublished()
    {
        using var keypad = new RawKeypad(_sink, _time);
        keypad.Down('1');
        keypad.Down('2');
        keypad.Up('1');
        keypad.Up('2');

        Assert.Equal("12", Keys());
    }

    [Fact]
    public void OnKeyDown_UnknownKey_Ignored()
    {
        using var keypad = new RawKeypad(_sink, _time);
        keypad.Down('x');

        Assert.Empty(_sink.Drain());
    }

    [Theory]
    [InlineData('x')]
    [InlineData('a')]
    [InlineData(' ')]
    public void Press_InvalidKey_ThrowsArgumentException(char key)
    {
        using var keypad = new SimulatedKeypad(_sink, _time);
        var ex = Assert.Throws<ArgumentException>(() => keypad.Press(key));
        Assert.Contains("0-9, *, # and A-D", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Press_AllValidKeys_Published()
    {
        using var keypad = new SimulatedKeypad(_sink, _time);
        foreach (var key in "0123456789*#ABCD")
        {
            keypad.Press(key);
        }

        Assert.Equal("0123456789*#ABCD", Keys());
    }

    [Fact]
    public async Task PressSequenceAsync_RepeatedKeys_AllPublishedWithDelays()
    {
        using var keypad = new SimulatedKeypad(_sink, _time);
        var task = keypad.PressSequenceAsync("1151", TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.Equal("1", Keys());
        for (var i = 0; i < 3; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(100));
        }

        await task;
        Assert.Equal("151", Keys());
    }

    [Fact]
    public async Task PressSequenceAsync_BackToBackSequencesOfOneKey_KeepTheDelayBetweenThem()
    {
        // One bench request per key: without a gap across sequences the second 5 would be taken as bounce.
        using var keypad = new SimulatedKeypad(_sink, _time);
        await keypad.PressSequenceAsync("5", TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.Equal("5", Keys());

        var second = keypad.PressSequenceAsync("5", TimeSpan.FromMilliseconds(100), CancellationToken.None);
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(99));
        Assert.False(second.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        await second;
        Assert.Equal("5", Keys());
    }

    [Fact]
    public async Task PressSequenceAsync_InvalidKey_ThrowsBeforeAnyPress()
    {
        using var keypad = new SimulatedKeypad(_sink, _time);
        await Assert.ThrowsAsync<ArgumentException>(() => keypad.PressSequenceAsync("12x", TimeSpan.FromMilliseconds(100), CancellationToken.None));
        Assert.Empty(_sink.Drain());
    }

    [Fact]
    public async Task PressSequenceAsync_DelayBelowDebounce_Throws()
    {
        using var keypad = new SimulatedKeypad(_sink, _time);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => keypad.PressSequenceAsync("11", TimeSpan.FromMilliseconds(5), CancellationToken.None));
    }

    [Fact]
    public async Task PressSequenceAsync_Cancelled_StopsAfterCurrentKey()
    {
        using var keypad = new SimulatedKeypad(_sink, _time);
        using var cts = new CancellationTokenSource();
        var task = keypad.PressSequenceAsync("123", TimeSpan.FromMilliseconds(100), cts.Token);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => task);
        Assert.Equal("1", Keys());
    }
}
