using System.Device.Gpio;
using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>
/// An analog phone on an AG1171 SLIC (FXS). <see cref="HookSwitch"/> reads SHK through the full hook logic
/// (debounce, flash, pulse dialing); <see cref="Ringer"/> drives RM and F/R following a ring cadence.
/// </summary>
/// <remarks>
/// Ring trip: when SHK reports off-hook (one debounce period after the handset is lifted) ringing stops at
/// once, and the ringer refuses to start or to begin an on-segment while off-hook.
/// </remarks>
public sealed class Ag1171Slic : IDisposable
{
    private readonly GpioController _controller;
    private readonly int _switchHookPin;
    private readonly bool _switchHookActiveHigh;
    private readonly bool _shouldDispose;
    private readonly PinReservation _pins;
    private readonly SlicHookSwitch _hook;
    private readonly SlicRinger _ringer;
    private bool _registered;
    private bool _disposed;

    /// <summary>Opens the three pins (F/R high, RM low) and starts watching SHK.</summary>
    /// <param name="controller">The GPIO controller.</param>
    /// <param name="options">Pins and ring frequency; validated.</param>
    /// <param name="hookSettings">Hook timing rules for SHK.</param>
    /// <param name="sink">Receives hook events.</param>
    /// <param name="timeProvider">Clock and timers (cadence and F/R toggling).</param>
    /// <param name="logger">Optional logger.</param>
    /// <param name="shouldDispose">Dispose <paramref name="controller"/> with this device.</param>
    /// <exception cref="HardwareException">A pin does not exist or cannot be opened; pins already opened are released.</exception>
    public Ag1171Slic(GpioController controller, Ag1171Options options, HookSwitchSettings hookSettings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null, bool shouldDispose = false)
    {
        ArgumentNullException.ThrowIfNull(controller);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _controller = controller;
        _switchHookPin = options.SwitchHookPin;
        _switchHookActiveHigh = options.SwitchHookActiveHigh;
        _shouldDispose = shouldDispose;
        _pins = new PinReservation(controller, "AG1171 SLIC");
        _hook = new SlicHookSwitch(hookSettings, sink, timeProvider, logger, OnHookStateChanged);
        _ringer = new SlicRinger(controller, options, timeProvider, () => _hook.IsOffHook, logger);
        try
        {
            _pins.OpenOutput(options.RingModePin, PinValue.Low);
            _pins.OpenOutput(options.ForwardReversePin, PinValue.High);
            _pins.OpenInput(options.SwitchHookPin, options.SwitchHookActiveHigh ? PinMode.InputPullDown : PinMode.InputPullUp);
            _hook.Initialize(IsOffHookLevel(controller.Read(options.SwitchHookPin)));
            controller.RegisterCallbackForPinValueChangedEvent(options.SwitchHookPin, PinEventTypes.Rising | PinEventTypes.Falling, OnShkChanged);
            _registered = true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            var failure = ex as HardwareException ?? _pins.Fail(options.SwitchHookPin, ex);
            _pins.ReleaseAll();
            _ringer.Dispose();
            _hook.Dispose();
            throw failure;
        }
    }

    /// <summary>The phone's hook switch (SHK).</summary>
    public IHookSwitch HookSwitch => _hook;

    /// <summary>The ring generator (RM + F/R).</summary>
    public IRinger Ringer => _ringer;

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_registered)
        {
            _registered = false;
            _controller.UnregisterCallbackForPinValueChangedEvent(_switchHookPin, OnShkChanged);
        }

        // Ringer first: it returns F/R and RM to rest while the pins are still open.
        _ringer.Dispose();
        _hook.Dispose();
        _pins.ReleaseAll();
        if (_shouldDispose)
        {
            _controller.Dispose();
        }
    }

    private bool IsOffHookLevel(PinValue value) => (value == PinValue.High) == _switchHookActiveHigh;

    private void OnShkChanged(object sender, PinValueChangedEventArgs e) =>
        _hook.Feed(IsOffHookLevel(e.ChangeType == PinEventTypes.Rising ? PinValue.High : PinValue.Low));

    private void OnHookStateChanged(bool offHook)
    {
        if (offHook && _ringer.IsRinging)
        {
            _ringer.Stop();
        }
    }
}
