using System.Device.Gpio;
using Gateway.Hardware.Gpio;
using Gateway.Hardware.Simulated;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

public sealed class KeypadGpioTests : IDisposable
{
    private static readonly int[] s_rows = [5, 6, 13, 19];
    private static readonly int[] s_columns = [26, 16, 20];
    private readonly FakeTimeProvider _time = TestClock.Create();
    private readonly ChannelHardwareEventSink _sink = new(64);
    private readonly SimulatedGpioDriver _driver = new();
    private readonly GpioController _controller;
    private readonly SimulatedKeyMatrix _matrix;

    public KeypadGpioTests()
    {
        _controller = new GpioController(_driver);
        _matrix = new SimulatedKeyMatrix(_driver, s_rows, s_columns, KeyMatrixLayout.Telephone3x4);
    }

    public void Dispose() => _controller.Dispose();

    private EdgeScanKeypad CreateEdge() => new(_controller, s_rows, s_columns, KeyMatrixLayout.Telephone3x4, _sink, _time);

    private string Keys() => string.Concat(_sink.Drain().Select(e => Assert.IsType<KeyPressed>(e).Key));

    [Fact]
    public void EdgeScanKeypad_KeyPressed_PublishedOnFallingEdge()
    {
        using var keypad = CreateEdge();
        _matrix.Press('8');

        Assert.Equal("8", Keys());
        Assert.Equal(PinValue.Low, _matrix.ColumnLevel('8'));
    }

    [Fact]
    public void EdgeScanKeypad_EveryKey_Identified()
    {
        using var keypad = CreateEdge();
        foreach (var key in "123456789*0#")
        {
            _matrix.Press(key);
            _time.Step(100);
            _matrix.Release(key);
            _time.Step(100);
        }

        Assert.Equal("123456789*0#", Keys());
    }

    [Fact]
    public void EdgeScanKeypad_HeldThenReleased_ReleaseSeenByPollAndNextPressCounts()
    {
        using var keypad = CreateEdge();
        _matrix.Press('5');
        _time.Step(500);
        _matrix.Release('5');
        _time.Step(EdgeScanKeypad.HeldPollInterval.Milliseconds);

        // Back in edge mode: rows low, nothing pressed, the next press is a new edge.
        Assert.All(s_rows, r => Assert.Equal(PinValue.Low, _driver.GetOutputLevel(r)));
        _time.Step(100);
        _matrix.Press('5');

        Assert.Equal("55", Keys());
    }

    [Fact]
    public void EdgeScanKeypad_Idle_NoPinReads()
    {
        using var keypad = CreateEdge();
        var reads = _driver.ReadCount;
        _time.Step(2000);

        Assert.Equal(reads, _driver.ReadCount);
    }

    [Fact]
    public void EdgeScanKeypad_Dispose_PinsReleased()
    {
        CreateEdge().Dispose();
        Assert.Empty(_driver.OpenPinNumbers);
    }

    [Fact]
    public async Task GpioKeypad_KeyMatrixScan_DetectsPressAndRelease()
    {
        using var keypad = new GpioKeypad(_controller, s_rows, s_columns, KeyMatrixLayout.Telephone3x4, _sink, TimeProvider.System, scanInterval: TimeSpan.FromMilliseconds(2));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        _matrix.Press('#');
        var first = await _sink.Reader.ReadAsync(timeout.Token);
        Assert.Equal('#', Assert.IsType<KeyPressed>(first).Key);

        _matrix.Release('#');
        await Task.Delay(200, timeout.Token);
        _matrix.Press('2');
        var second = await _sink.Reader.ReadAsync(timeout.Token);
        Assert.Equal('2', Assert.IsType<KeyPressed>(second).Key);
        _matrix.Release('2');
    }

    [Fact]
    public async Task GpioKeypad_Idle_KeepsPollingPins()
    {
        using var keypad = new GpioKeypad(_controller, s_rows, s_columns, KeyMatrixLayout.Telephone3x4, _sink, TimeProvider.System, scanInterval: TimeSpan.FromMilliseconds(2));
        await Task.Delay(50);
        var reads = _driver.ReadCount;
        await Task.Delay(300);

        // The cost EdgeScanKeypad avoids: KeyMatrix reads the columns on every wake-up even with no key down.
        Assert.True(_driver.ReadCount - reads >= 3 * s_columns.Length, $"only {_driver.ReadCount - reads} reads");
        Assert.Empty(_sink.Drain());
    }

    [Fact]
    public void GpioKeypad_Dispose_PinsReleased()
    {
        var keypad = new GpioKeypad(_controller, s_rows, s_columns, KeyMatrixLayout.Telephone3x4, _sink, TimeProvider.System);
        keypad.Dispose();

        Assert.Empty(_driver.OpenPinNumbers);
    }

    [Fact]
    public void Ctor_LayoutDoesNotMatchPins_ArgumentException()
    {
        Assert.Throws<ArgumentException>(() => new EdgeScanKeypad(_controller, s_rows, s_columns, ["123", "456"], _sink, _time));
        Assert.Throws<ArgumentException>(() => new GpioKeypad(_controller, s_rows, s_columns, ["123", "456", "789", "*0x"], _sink, _time));
        Assert.Empty(_driver.OpenPinNumbers);
    }
}
