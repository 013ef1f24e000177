namespace Gateway.Hardware.Tests;

/// <summary>
/// Replays the bytes written to a PCF8574 LCD backpack (P0=RS, P1=RW, P2=E, P3=backlight, P4-P7=D4-D7) into
/// the HD44780's display RAM, so tests can assert on what the glass would show.
/// </summary>
internal sealed class Hd44780Decoder
{
    private const byte Rs = 0x01;
    private const byte Enable = 0x04;
    private const byte Backlight = 0x08;

    private readonly char[] _ddram = Enumerable.Repeat(' ', 128).ToArray();
    private bool _fourBit;

    /// <param name="alreadyInitialised">True to decode a capture that starts after the 4-bit init sequence.</param>
    public Hd44780Decoder(bool alreadyInitialised = false) => _fourBit = alreadyInitialised;
    private int? _highNibble;
    private int _address;
    private byte _previous;

    public bool BacklightOn { get; private set; }

    public int Commands { get; private set; }

    public void Feed(IEnumerable<byte> bytes)
    {
        foreach (var b in bytes)
        {
            BacklightOn = (b & Backlight) != 0;
            if ((_previous & Enable) != 0 && (b & Enable) == 0)
            {
                Latch((_previous & 0xF0) >> 4, (_previous & Rs) != 0);
            }

            _previous = b;
        }
    }

    public string Row(int row, int columns) => new(_ddram, row == 0 ? 0x00 : 0x40, columns);

    private void Latch(int nibble, bool data)
    {
        if (!_fourBit)
        {
            Execute((byte)(nibble << 4), data);
            return;
        }

        if (_highNibble is null)
        {
            _highNibble = nibble;
            return;
        }

        var value = (byte)((_highNibble.Value << 4) | nibble);
        _highNibble = null;
        Execute(value, data);
    }

    private void Execute(byte value, bool data)
    {
        if (data)
        {
            _ddram[_address & 0x7F] = (char)value;
            _address++;
            return;
        }

        Commands++;
        if ((value & 0x80) != 0)
        {
            _address = value & 0x7F;
        }
        else if ((value & 0x20) != 0)
        {
            _fourBit = (value & 0x10) == 0;
            _highNibble = null;
        }
        else if (value == 0x01)
        {
            Array.Fill(_ddram, ' ');
            _address = 0;
        }
        else if (value is 0x02 or 0x03)
        {
            _address = 0;
        }
    }
}
