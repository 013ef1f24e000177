using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Simulated;

/// <summary>A hook switch driven by code: raw levels go through the full debounce/flash/pulse logic.</summary>
public sealed class SimulatedHookSwitch : HookSwitchBase
{
    /// <summary>Creates the switch, initially on-hook.</summary>
    /// <param name="settings">Timing rules.</param>
    /// <param name="sink">Receives hook events.</param>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="logger">Optional logger.</param>
    public SimulatedHookSwitch(HookSwitchSettings settings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger = null)
        : base(settings, sink, timeProvider, logger)
    {
    }

    /// <summary>Sets the raw contact level, as a GPIO edge would.</summary>
    /// <param name="offHook">True when the handset is lifted.</param>
    public void SetRawLevel(bool offHook) => OnRawLevelChanged(offHook);
}
