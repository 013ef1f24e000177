using System.Device.Gpio;

namespace Gateway.Hardware.Simulated;

/// <summary>An output pin of the <see cref="SimulatedGpioDriver"/> changed level.</summary>
/// <param name="timestamp">When it changed (the driver's clock).</param>
/// <param name="pin">The pin.</param>
/// <param name="value">The new level.</param>
public sealed class PinOutputChangedEventArgs(DateTimeOffset timestamp, int pin, PinValue value) : EventArgs
{
    /// <summary>When it changed.</summary>
    public DateTimeOffset Timestamp { get; } = timestamp;

    /// <summary>The pin.</summary>
    public int Pin { get; } = pin;

    /// <summary>The new level.</summary>
    public PinValue Value { get; } = value;
}
