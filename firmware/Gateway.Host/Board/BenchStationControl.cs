using System.Device.Gpio;
using Gateway.Hardware.Simulated;

namespace Gateway.Host.Board;

/// <summary>
/// A simulated hand on one bench station: it lifts the handset by driving the simulated hook pin,
/// so the real GPIO hook-switch driver, with its debounce and flash logic, sees an ordinary edge.
/// </summary>
public sealed class BenchStationControl : IDisposable
{
    private readonly SimulatedGpioDriver _driver;
    private readonly int _hookPin;
    private readonly bool _hookActiveLow;
    private readonly SimulatedKeypad? _keypad;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _hand = new(1, 1);
    private volatile bool _offHook;

    /// <summary>Initializes a new instance of the <see cref="BenchStationControl"/> class.</summary>
    /// <param name="driver">The simulated GPIO driver under the station's devices.</param>
    /// <param name="hookPin">The hook switch's pin.</param>
    /// <param name="hookActiveLow">Whether off-hook reads low.</param>
    /// <param name="keypad">The simulated keypad, or <see langword="null"/>.</param>
    /// <param name="timeProvider">Clock for the flash and inter-key pauses.</param>
    public BenchStationControl(SimulatedGpioDriver driver, int hookPin, bool hookActiveLow, SimulatedKeypad? keypad, TimeProvider timeProvider)
    {
        _driver = driver ?? throw new ArgumentNullException(nameof(driver));
        _hookPin = hookPin;
        _hookActiveLow = hookActiveLow;
        _keypad = keypad;
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
    }

    /// <summary>Gets a value indicating whether the simulated hand holds the handset off-hook.</summary>
    public bool OffHook => _offHook;

    /// <summary>Gets a value indicating whether the station has a keypad to press.</summary>
    public bool HasKeypad => _keypad is not null;

    /// <summary>Lifts or replaces the handset.</summary>
    /// <param name="offHook">The new position.</param>
    public void SetOffHook(bool offHook)
    {
        _offHook = offHook;
        DriveHook(offHook);
    }

    /// <summary>Presses the hook switch for <paramref name="duration"/>, then releases it.</summary>
    /// <param name="duration">How long the switch is held down.</param>
    /// <param name="cancellationToken">Cancels the wait; the handset is still lifted again.</param>
    /// <returns>A task that ends when the handset is back off-hook.</returns>
    public async Task FlashAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        await _hand.WaitAsync(cancellationToken);
        try
        {
            DriveHook(false);
            try
            {
                await Task.Delay(duration, _timeProvider, cancellationToken);
            }
            finally
            {
                DriveHook(_offHook);
            }
        }
        finally
        {
            _hand.Release();
        }
    }

    /// <summary>Presses <paramref name="keys"/> one after the other.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="interKeyDelay">The pause between keys.</param>
    /// <param name="cancellationToken">Stops pressing.</param>
    /// <returns>A task that ends after the last key.</returns>
    public async Task PressKeysAsync(string keys, TimeSpan interKeyDelay, CancellationToken cancellationToken)
    {
        if (_keypad is null)
        {
            throw new InvalidOperationException("this station has no keypad");
        }

        await _hand.WaitAsync(cancellationToken);
        try
        {
            await _keypad.PressSequenceAsync(keys, interKeyDelay, cancellationToken);
        }
        finally
        {
            _hand.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _hand.Dispose();

    private void DriveHook(bool offHook)
    {
        // Active-low wiring pulls the line to ground when the handset is lifted.
        var level = offHook ^ _hookActiveLow ? PinValue.High : PinValue.Low;
        _driver.SetInputLevel(_hookPin, level);
    }
}
