using System.Device.I2c;

namespace Gateway.Hardware.Simulated;

/// <summary>An I2C device that records every byte written (e.g. to a PCF8574 LCD backpack) and reads zeros.</summary>
public sealed class FakeI2cDevice : I2cDevice
{
    private readonly Lock _gate = new();
    private readonly List<byte> _written = [];
    private int _writeCount;

    /// <summary>Creates a device at a bus and address.</summary>
    /// <param name="busId">I2C bus number.</param>
    /// <param name="address">7-bit device address (0x27 is the common PCF8574 backpack).</param>
    public FakeI2cDevice(int busId = 1, int address = 0x27)
    {
        ConnectionSettings = new I2cConnectionSettings(busId, address);
    }

    /// <inheritdoc/>
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Every byte written so far, in order.</summary>
    public IReadOnlyList<byte> WrittenBytes
    {
        get
        {
            lock (_gate)
            {
                return [.. _written];
            }
        }
    }

    /// <summary>Number of Write/WriteByte/WriteRead calls.</summary>
    public int WriteCount
    {
        get
        {
            lock (_gate)
            {
                return _writeCount;
            }
        }
    }

    /// <summary>Whether <see cref="I2cDevice.Dispose()"/> was called.</summary>
    public bool IsDisposed { get; private set; }

    /// <summary>Forgets recorded bytes.</summary>
    public void ClearWrites()
    {
        lock (_gate)
        {
            _written.Clear();
            _writeCount = 0;
        }
    }

    /// <inheritdoc/>
    public override void Read(Span<byte> buffer) => buffer.Clear();

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_gate)
        {
            _written.AddRange(buffer);
            _writeCount++;
        }
    }

    /// <inheritdoc/>
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        readBuffer.Clear();
    }

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        IsDisposed = true;
        base.Dispose(disposing);
    }
}
