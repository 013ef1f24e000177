using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Gpio;

/// <summary>The SHK side of the AG1171: hook logic whose state changes are forwarded for ring trip.</summary>
internal sealed class SlicHookSwitch(HookSwitchSettings settings, IHardwareEventSink sink, TimeProvider timeProvider, ILogger? logger, Action<bool> onStateChanged)
    : HookSwitchBase(settings, sink, timeProvider, logger)
{
    public void Initialize(bool offHook) => InitializeLevel(offHook);

    public void Feed(bool offHook) => OnRawLevelChanged(offHook);

    protected override void OnHookStateChanged(bool offHook) => onStateChanged(offHook);
}
