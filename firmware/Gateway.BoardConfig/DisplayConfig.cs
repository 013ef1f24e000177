namespace Gateway.BoardConfig;

/// <summary>A character display: HD44780 behind a PCF8574 I2C backpack, or simulated.</summary>
public sealed class DisplayConfig
{
    /// <summary>Gets the kind: <c>hd44780-pcf8574</c> or <c>simulated</c> (see <see cref="DeviceKinds.DisplayKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the I2C bus number (<c>/dev/i2c-N</c>); default 1.</summary>
    public int I2cBus { get; set; } = 1;

    /// <summary>Gets the 7-bit I2C address, 0x03..0x77 (decimal in JSON: 39 = 0x27); required for <c>hd44780-pcf8574</c>.</summary>
    public int? Address { get; set; }

    /// <summary>Gets the number of character columns, 8..40; default 16.</summary>
    public int Columns { get; set; } = 16;

    /// <summary>Gets the number of character rows, 1..4; default 2.</summary>
    public int Rows { get; set; } = 2;
}
