using System.Device.Gpio;

namespace Gateway.Hardware.Simulated;

/// <summary>The bench/test side of the simulated chip: driving inputs, closing contacts, inspecting outputs.</summary>
public sealed partial class SimulatedGpioDriver
{
    /// <summary>Drives an input pin from outside (a switch to ground is Low); edge callbacks fire if the level changes.</summary>
    /// <param name="pin">The pin.</param>
    /// <param name="value">The level.</param>
    public void SetInputLevel(int pin, PinValue value) => Mutate(() => Pin(pin).External = value);

    /// <summary>Stops driving an input pin from outside, so it reads its pull again.</summary>
    /// <param name="pin">The pin.</param>
    public void ClearInputLevel(int pin) => Mutate(() => Pin(pin).External = null);

    /// <summary>Closes a contact between two pins (e.g. a key between a row and a column).</summary>
    /// <param name="pinA">One pin.</param>
    /// <param name="pinB">The other pin.</param>
    public void Connect(int pinA, int pinB) => Mutate(() => _connections.Add(Key(pinA, pinB)));

    /// <summary>Opens a contact closed by <see cref="Connect"/>.</summary>
    /// <param name="pinA">One pin.</param>
    /// <param name="pinB">The other pin.</param>
    public void Disconnect(int pinA, int pinB) => Mutate(() => _connections.Remove(Key(pinA, pinB)));

    /// <summary>The output latch of a pin (what device code last wrote).</summary>
    /// <param name="pin">The pin.</param>
    /// <returns>The latched level.</returns>
    public PinValue GetOutputLevel(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).Output;
        }
    }

    /// <summary>The level device code would read from the pin now.</summary>
    /// <param name="pin">The pin.</param>
    /// <returns>The effective level.</returns>
    public PinValue GetLevel(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).Level;
        }
    }

    /// <summary>Whether device code has the pin open.</summary>
    /// <param name="pin">The pin.</param>
    /// <returns>True when open.</returns>
    public bool IsOpen(int pin)
    {
        lock (_gate)
        {
            return Pin(pin).IsOpen;
        }
    }

    /// <summary>The pins device code has open, ascending.</summary>
    public IReadOnlyList<int> OpenPinNumbers
    {
        get
        {
            lock (_gate)
            {
                return [.. Enumerable.Range(0, _pins.Length).Where(i => _pins[i].IsOpen)];
            }
        }
    }

    /// <summary>Forgets the recorded output history.</summary>
    public void ClearHistory()
    {
        lock (_gate)
        {
            _history.Clear();
        }
    }
}
