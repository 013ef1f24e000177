namespace Gateway.Hardware;

/// <summary>
/// A hardware resource is missing or unusable (no GPIO chip, a pin that does not exist or is busy, no I2C bus).
/// The message names the chip and pin so a field technician can fix the wiring or the board configuration.
/// </summary>
public class HardwareException : Exception
{
    /// <summary>Creates an exception without details.</summary>
    public HardwareException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public HardwareException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The driver's exception.</param>
    public HardwareException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates an exception naming the chip and pin involved.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="chip">The GPIO chip or bus, e.g. "gpiochip0" or "i2c-1".</param>
    /// <param name="pin">The pin (line offset), when a pin is involved.</param>
    /// <param name="innerException">The driver's exception, if any.</param>
    public HardwareException(string message, string? chip, int? pin, Exception? innerException = null)
        : base(message, innerException)
    {
        Chip = chip;
        Pin = pin;
    }

    /// <summary>The GPIO chip or bus involved, when known.</summary>
    public string? Chip { get; }

    /// <summary>The pin (line offset on <see cref="Chip"/>) involved, when known.</summary>
    public int? Pin { get; }
}
