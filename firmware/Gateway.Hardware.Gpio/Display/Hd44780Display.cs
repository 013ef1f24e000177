using System.Device.I2c;
using System.Drawing;
using Iot.Device.CharacterLcd;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// An HD44780 character LCD (16x2 by default) behind a PCF8574 I2C backpack, in 4-bit mode with the
/// backlight on. Only rows whose text changed are rewritten, because every character costs several I2C
/// transfers (about 1 ms per character at 100 kHz).
/// </summary>
public sealed class Hd44780Display : DisplayBase
{
    private readonly I2cDevice _device;
    private readonly Hd44780 _lcd;
    private readonly bool _shouldDispose;

    /// <summary>Initialises the LCD on an already created I2C device (a <c>FakeI2cDevice</c> in tests).</summary>
    /// <param name="device">The PCF8574 backpack.</param>
    /// <param name="columns">Characters per line.</param>
    /// <param name="rows">Lines.</param>
    /// <param name="shouldDispose">Dispose <paramref name="device"/> with the display.</param>
    /// <exception cref="HardwareException">The backpack does not answer.</exception>
    public Hd44780Display(I2cDevice device, int columns = 16, int rows = 2, bool shouldDispose = true)
        : base(columns, rows)
    {
        ArgumentNullException.ThrowIfNull(device);
        _device = device;
        _shouldDispose = shouldDispose;
        try
        {
            _lcd = new Hd44780(new Size(columns, rows), LcdInterface.CreateI2c(device, false));
            _lcd.BacklightOn = true;
            _lcd.Clear();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            var settings = device.ConnectionSettings;
            throw new HardwareException(
                $"LCD backpack at I2C address 0x{settings.DeviceAddress:X2} on bus i2c-{settings.BusId} does not answer: {ex.Message}",
                $"i2c-{settings.BusId}",
                null,
                ex);
        }
    }

    /// <summary>Opens the I2C bus and initialises the LCD.</summary>
    /// <param name="busId">I2C bus number (1 on a Pi).</param>
    /// <param name="address">Backpack address: 0x27 (PCF8574) or 0x3F (PCF8574A) usually.</param>
    /// <param name="columns">Characters per line.</param>
    /// <param name="rows">Lines.</param>
    /// <returns>The display, owning the I2C device.</returns>
    /// <exception cref="HardwareException">The bus or the backpack is missing.</exception>
    public static Hd44780Display Create(int busId = 1, int address = 0x27, int columns = 16, int rows = 2)
    {
        I2cDevice device;
        try
        {
            device = I2cDevice.Create(new I2cConnectionSettings(busId, address));
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            throw new HardwareException($"Cannot open I2C bus i2c-{busId} for the LCD at 0x{address:X2}: {ex.Message}", $"i2c-{busId}", null, ex);
        }

        try
        {
            return new Hd44780Display(device, columns, rows, shouldDispose: true);
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    /// <inheritdoc/>
    protected override void RenderRow(int row, string text)
    {
        _lcd.SetCursorPosition(0, row);
        _lcd.Write(text);
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);

        // Hd44780.Dispose also disposes the I2C device, so skip it when the caller keeps the device.
        if (disposing && _shouldDispose)
        {
            _lcd.Dispose();
            _device.Dispose();
        }
    }
}
