using System.Device;
using System.Device.Gpio;

namespace Gateway.Hardware.Simulated;

/// <summary>
/// An in-memory GPIO chip for the bench board and tests. Use it through <c>new GpioController(driver)</c>
/// like any driver; the bench side drives inputs with <see cref="SetInputLevel"/>, closes contacts between
/// pins with <see cref="Connect"/> (a key matrix) and watches outputs via <see cref="OutputHistory"/> and
/// <see cref="OutputChanged"/>.
/// </summary>
/// <remarks>
/// <para>Levels: an output pin reads its latch. An input pin connected to open output pins reads Low if any of
/// them drives Low, else High (a short between a low and a high driver is modelled as low winning); otherwise
/// it reads the level set by <see cref="SetInputLevel"/>, else its pull (up: High, down or none: Low).</para>
/// <para>Edge callbacks and <see cref="OutputChanged"/> run synchronously on the thread that caused the
/// change, after the driver's lock is released, so a callback may itself read or write pins. Synchronous
/// dispatch makes tests deterministic; real drivers call back on their own event thread, which device code
/// must tolerate anyway.</para>
/// </remarks>
public sealed partial class SimulatedGpioDriver : GpioDriver
{
    private readonly Lock _gate = new();
    private readonly SimulatedPin[] _pins;
    private readonly HashSet<(int Low, int High)> _connections = [];
    private readonly Queue<(DateTimeOffset Timestamp, int Pin, PinValue Value)> _history = new();
    private readonly int _historyCapacity;
    private readonly TimeProvider _timeProvider;
    private long _reads;
    private long _writes;

    /// <summary>Creates a chip with pins 0..<paramref name="pinCount"/>-1 (54 like a BCM2835 bank by default).</summary>
    /// <param name="pinCount">Number of lines, 1–512.</param>
    /// <param name="timeProvider">Clock for history timestamps; defaults to the system clock.</param>
    /// <param name="historyCapacity">How many output changes <see cref="OutputHistory"/> keeps.</param>
    /// <param name="chipName">Name reported in errors and chip info.</param>
    public SimulatedGpioDriver(int pinCount = 54, TimeProvider? timeProvider = null, int historyCapacity = 4096, string chipName = "simchip0")
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pinCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pinCount, 512);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyCapacity, 1);
        ArgumentException.ThrowIfNullOrWhiteSpace(chipName);
        _pins = new SimulatedPin[pinCount];
        for (var i = 0; i < pinCount; i++)
        {
            _pins[i] = new SimulatedPin();
        }

        _historyCapacity = historyCapacity;
        _timeProvider = timeProvider ?? TimeProvider.System;
        ChipName = chipName;
    }

    /// <summary>Raised after an open output pin changes level (synchronously, outside the driver lock).</summary>
    public event EventHandler<PinOutputChangedEventArgs>? OutputChanged;

    /// <summary>The chip name used in errors.</summary>
    public string ChipName { get; }

    /// <summary>The most recent output changes, oldest first (bounded).</summary>
    public IReadOnlyList<(DateTimeOffset Timestamp, int Pin, PinValue Value)> OutputHistory
    {
        get
        {
            lock (_gate)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>How many pin reads device code has made (to compare polling against edge-driven designs).</summary>
    public long ReadCount => Interlocked.Read(ref _reads);

    /// <summary>How many pin writes device code has made.</summary>
    public long WriteCount => Interlocked.Read(ref _writes);

    /// <inheritdoc/>
    protected override int PinCount => _pins.Length;

    /// <inheritdoc/>
    public override GpioChipInfo GetChipInfo() => new(0, ChipName, "simulated", _pins.Length);

    /// <inheritdoc/>
    public override ComponentInformation QueryComponentInformation()
    {
        var info = new ComponentInformation(this, $"Simulated GPIO driver {ChipName}");
        info.Properties["ChipName"] = ChipName;
        return info;
    }

    /// <inheritdoc/>
    protected override void OpenPin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pins.Length)
        {
            // libgpiod reports a missing line as an I/O error; mimic that rather than an argument error.
            throw new IOException($"Error while opening pin {pinNumber}: {ChipName} has lines 0..{_pins.Length - 1}.");
        }

        Mutate(() =>
        {
            var pin = _pins[pinNumber];
            if (pin.IsOpen)
            {
                throw new InvalidOperationException($"Pin {pinNumber} on {ChipName} is already open.");
            }

            pin.IsOpen = true;
            pin.Mode = PinMode.Input;
        });
    }

    /// <inheritdoc/>
    protected override void ClosePin(int pinNumber) => Mutate(() =>
    {
        var pin = Pin(pinNumber);
        pin.IsOpen = false;
        pin.Mode = PinMode.Input;
        pin.Callbacks.Clear();
    });

    /// <inheritdoc/>
    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        ThrowIfUnsupported(pinNumber, mode);
        Mutate(() => OpenPinOf(pinNumber).Mode = mode);
    }

    /// <inheritdoc/>
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        ThrowIfUnsupported(pinNumber, mode);
        Mutate(() =>
        {
            var pin = OpenPinOf(pinNumber);
            pin.Output = initialValue;
            pin.Mode = mode;
        });
    }

    /// <inheritdoc/>
    protected override PinMode GetPinMode(int pinNumber)
    {
        lock (_gate)
        {
            return OpenPinOf(pinNumber).Mode;
        }
    }

    /// <inheritdoc/>
    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.InputPullUp or PinMode.InputPullDown or PinMode.Output;

    /// <inheritdoc/>
    protected override PinValue Read(int pinNumber)
    {
        Interlocked.Increment(ref _reads);
        lock (_gate)
        {
            return OpenPinOf(pinNumber).Level;
        }
    }

    /// <inheritdoc/>
    protected override void Write(int pinNumber, PinValue value)
    {
        Interlocked.Increment(ref _writes);
        Mutate(() => OpenPinOf(pinNumber).Output = value);
    }

    /// <inheritdoc/>
    protected override void Toggle(int pinNumber)
    {
        Interlocked.Increment(ref _writes);
        Mutate(() =>
        {
            var pin = OpenPinOf(pinNumber);
            pin.Output = pin.Output == PinValue.High ? PinValue.Low : PinValue.High;
        });
    }

    /// <inheritdoc/>
    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken)
    {
        using var signal = new ManualResetEventSlim(false);
        var fired = PinEventTypes.None;
        void Handler(object sender, PinValueChangedEventArgs e)
        {
            fired = e.ChangeType;
            signal.Set();
        }

        AddCallbackForPinValueChangedEvent(pinNumber, eventTypes, Handler);
        try
        {
            signal.Wait(cancellationToken);
            return new WaitForEventResult { EventTypes = fired, TimedOut = false };
        }
        catch (OperationCanceledException)
        {
            return new WaitForEventResult { EventTypes = PinEventTypes.None, TimedOut = true };
        }
        finally
        {
            RemoveCallbackForPinValueChangedEvent(pinNumber, Handler);
        }
    }

    /// <inheritdoc/>
    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            OpenPinOf(pinNumber).Callbacks.Add((eventTypes, callback));
        }
    }

    /// <inheritdoc/>
    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            Pin(pinNumber).Callbacks.RemoveAll(c => c.Handler == callback);
        }
    }

    private static (int Low, int High) Key(int a, int b) => a < b ? (a, b) : (b, a);

    private void ThrowIfUnsupported(int pinNumber, PinMode mode)
    {
        if (!IsPinModeSupported(pinNumber, mode))
        {
            throw new InvalidOperationException($"Pin {pinNumber} on {ChipName} does not support mode {mode}.");
        }
    }

    private SimulatedPin Pin(int pinNumber)
    {
        if (pinNumber < 0 || pinNumber >= _pins.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(pinNumber), pinNumber, $"{ChipName} has lines 0..{_pins.Length - 1}.");
        }

        return _pins[pinNumber];
    }

    private SimulatedPin OpenPinOf(int pinNumber)
    {
        var pin = Pin(pinNumber);
        if (!pin.IsOpen)
        {
            throw new InvalidOperationException($"Pin {pinNumber} on {ChipName} is not open.");
        }

        return pin;
    }

    // Applies a change, recomputes every level and then notifies outside the lock.
    private void Mutate(Action change)
    {
        List<Action> notifications;
        lock (_gate)
        {
            change();
            notifications = Recompute();
        }

        foreach (var notify in notifications)
        {
            notify();
        }
    }

    private List<Action> Recompute()
    {
        var notifications = new List<Action>();
        var now = _timeProvider.GetUtcNow();
        for (var i = 0; i < _pins.Length; i++)
        {
            var pin = _pins[i];
            var level = ComputeLevel(i);
            if (level == pin.Level)
            {
                continue;
            }

            pin.Level = level;
            if (!pin.IsOpen)
            {
                continue;
            }

            var number = i;
            if (pin.Mode == PinMode.Output)
            {
                _history.Enqueue((now, number, level));
                while (_history.Count > _historyCapacity)
                {
                    _history.Dequeue();
                }

                notifications.Add(() => OutputChanged?.Invoke(this, new PinOutputChangedEventArgs(now, number, level)));
                continue;
            }

            var edge = level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            foreach (var (types, handler) in pin.Callbacks)
            {
                if ((types & edge) != 0)
                {
                    notifications.Add(() => handler(this, new PinValueChangedEventArgs(edge, number)));
                }
            }
        }

        return notifications;
    }

    private PinValue ComputeLevel(int index)
    {
        var pin = _pins[index];
        if (pin.IsOpen && pin.Mode == PinMode.Output)
        {
            return pin.Output;
        }

        var driven = false;
        var anyLow = false;
        foreach (var (a, b) in _connections)
        {
            var other = a == index ? b : b == index ? a : -1;
            if (other < 0 || !_pins[other].IsOpen || _pins[other].Mode != PinMode.Output)
            {
                continue;
            }

            driven = true;
            anyLow |= _pins[other].Output == PinValue.Low;
        }

        if (driven)
        {
            return anyLow ? PinValue.Low : PinValue.High;
        }

        if (pin.External is { } external)
        {
            return external;
        }

        return pin.IsOpen && pin.Mode == PinMode.InputPullUp ? PinValue.High : PinValue.Low;
    }
}
