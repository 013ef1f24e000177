using System.Device.Gpio;
using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class SimulatedGpioDriverTests : IDisposable
{
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _controller;

    public SimulatedGpioDriverTests()
    {
        _driver = new SimulatedGpioDriver(pinCount: 28, timeProvider: _time, historyCapacity: 4);
        _controller = new GpioController(_driver);
    }

    public void Dispose() => _controller.Dispose();

    [Fact]
    public void Read_InputPulls_ReflectPullUntilDriven()
    {
        _controller.OpenPin(1, PinMode.InputPullUp);
        _controller.OpenPin(2, PinMode.InputPullDown);
        Assert.Equal(PinValue.High, _controller.Read(1));
        Assert.Equal(PinValue.Low, _controller.Read(2));

        _driver.SetInputLevel(1, PinValue.Low);
        Assert.Equal(PinValue.Low, _controller.Read(1));
        _driver.ClearInputLevel(1);
        Assert.Equal(PinValue.High, _controller.Read(1));
    }

    [Fact]
    public void SetInputLevel_EdgeCallbacks_RaisedOnlyForRegisteredEdge()
    {
        _controller.OpenPin(3, PinMode.InputPullUp);
        var falling = new List<PinEventTypes>();
        var both = new List<PinEventTypes>();
        _controller.RegisterCallbackForPinValueChangedEvent(3, PinEventTypes.Falling, (_, e) => falling.Add(e.ChangeType));
        _controller.RegisterCallbackForPinValueChangedEvent(3, PinEventTypes.Rising | PinEventTypes.Falling, (_, e) => both.Add(e.ChangeType));

        _driver.SetInputLevel(3, PinValue.Low);
        _driver.SetInputLevel(3, PinValue.Low);
        _driver.SetInputLevel(3, PinValue.High);

        Assert.Equal([PinEventTypes.Falling], falling);
        Assert.Equal([PinEventTypes.Falling, PinEventTypes.Rising], both);
    }

    [Fact]
    public void Connect_OutputToPulledUpInput_InputFollowsOutput()
    {
        _controller.OpenPin(4, PinMode.Output, PinValue.High);
        _controller.OpenPin(5, PinMode.InputPullUp);
        var edges = 0;
        _controller.RegisterCallbackForPinValueChangedEvent(5, PinEventTypes.Falling, (_, _) => edges++);

        _driver.Connect(4, 5);
        Assert.Equal(PinValue.High, _controller.Read(5));
        _controller.Write(4, PinValue.Low);
        Assert.Equal(PinValue.Low, _controller.Read(5));
        _driver.Disconnect(5, 4);
        Assert.Equal(PinValue.High, _controller.Read(5));
        Assert.Equal(1, edges);
    }

    [Fact]
    public void Write_OutputChanges_RecordedInBoundedHistoryAndEvent()
    {
        _controller.OpenPin(6, PinMode.Output);
        var seen = new List<(int, PinValue)>();
        _driver.OutputChanged += (_, e) => seen.Add((e.Pin, e.Value));
        for (var i = 0; i < 6; i++)
        {
            _time.Advance(TimeSpan.FromMilliseconds(10));
            _controller.Write(6, i % 2 == 0 ? PinValue.High : PinValue.Low);
        }

        Assert.Equal(6, seen.Count);
        var history = _driver.OutputHistory;
        Assert.Equal(4, history.Count);
        Assert.Equal(_time.GetUtcNow(), history[^1].Timestamp);
        Assert.Equal(PinValue.Low, _driver.GetOutputLevel(6));
    }

    [Fact]
    public void OpenPin_BeyondPinCount_ThrowsLikeADriver()
    {
        var ex = Assert.Throws<IOException>(() => _controller.OpenPin(40));
        Assert.Contains("40", ex.Message, StringComparison.Ordinal);
        Assert.False(_driver.IsOpen(27));
    }

    [Fact]
    public void Read_PinNotOpen_Throws()
    {
        Assert.ThrowsAny<InvalidOperationException>(() => _controller.Read(7));
    }

    [Fact]
    public void WaitForEvent_EdgeFromAnotherThread_Returned()
    {
        _controller.OpenPin(8, PinMode.InputPullUp);
        using var go = new Timer(_ => _driver.SetInputLevel(8, PinValue.Low), null, 50, Timeout.Infinite);

        var result = _controller.WaitForEvent(8, PinEventTypes.Falling, TimeSpan.FromSeconds(5));

        Assert.False(result.TimedOut);
        Assert.Equal(PinEventTypes.Falling, result.EventTypes);
    }

    [Fact]
    public void WaitForEvent_NoEdge_TimesOut()
    {
        _controller.OpenPin(9, PinMode.Input);
        var result = _controller.WaitForEvent(9, PinEventTypes.Rising, TimeSpan.FromMilliseconds(50));
        Assert.True(result.TimedOut);
    }

    [Fact]
    public void ClosePin_ThenReopen_CallbacksGone()
    {
        _controller.OpenPin(10, PinMode.InputPullUp);
        var edges = 0;
        _controller.RegisterCallbackForPinValueChangedEvent(10, PinEventTypes.Falling, (_, _) => edges++);
        _controller.ClosePin(10);
        _controller.OpenPin(10, PinMode.InputPullUp);
        _driver.SetInputLevel(10, PinValue.Low);

        Assert.Equal(0, edges);
    }
}
