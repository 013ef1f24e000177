namespace Gateway.Hardware;

/// <summary>
/// The handset cradle switch. Publishes <see cref="HookChanged"/>, <see cref="HookFlash"/> and
/// <see cref="PulseDigitDialed"/> into the sink it was created with.
/// </summary>
public interface IHookSwitch : IDisposable
{
    /// <summary>The reported hook state: stays true during pulse-dial breaks and flashes.</summary>
    bool IsOffHook { get; }
}
