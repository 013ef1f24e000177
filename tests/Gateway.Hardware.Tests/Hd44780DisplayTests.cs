using Gateway.Hardware.Gpio;
using Gateway.Hardware.Simulated;

namespace Gateway.Hardware.Tests;

public sealed class Hd44780DisplayTests
{
    [Fact]
    public void Show_TwoLines_WrittenToDisplayRamThroughPcf8574()
    {
        var device = new FakeI2cDevice();
        using var display = new Hd44780Display(device);
        display.Show("Hello", "Wörld 20°");

        var decoder = new Hd44780Decoder();
        decoder.Feed(device.WrittenBytes);
        Assert.Equal("Hello           ", decoder.Row(0, 16));
        Assert.Equal("World 20\u00DF       ", decoder.Row(1, 16));
        Assert.True(decoder.BacklightOn);
        Assert.Equal(display.Lines, [decoder.Row(0, 16), decoder.Row(1, 16)]);
    }

    [Fact]
    public void Show_OnlyOneRowChanged_OtherRowNotRewritten()
    {
        var device = new FakeI2cDevice();
        using var display = new Hd44780Display(device);
        display.Show("Line one", "Line two");
        device.ClearWrites();

        display.Show("Line one", "Changed");
        var decoder = new Hd44780Decoder(alreadyInitialised: true);
        decoder.Feed(device.WrittenBytes);

        // One cursor command and row 1's characters; row 0 was not touched.
        Assert.Equal(1, decoder.Commands);
        Assert.Equal(new string(' ', 16), decoder.Row(0, 16));
        Assert.Equal("Changed         ", decoder.Row(1, 16));
    }

    [Fact]
    public void Dispose_ShouldDisposeFalse_DeviceKept()
    {
        var device = new FakeI2cDevice();
        var display = new Hd44780Display(device, shouldDispose: false);
        display.Dispose();
        Assert.False(device.IsDisposed);

        var owned = new FakeI2cDevice();
        new Hd44780Display(owned).Dispose();
        Assert.True(owned.IsDisposed);
    }
}
