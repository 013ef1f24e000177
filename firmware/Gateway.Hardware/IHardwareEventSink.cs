namespace Gateway.Hardware;

/// <summary>
/// Where devices deliver their events. Devices call <see cref="Publish"/> from GPIO callback threads and
/// timer callbacks, so implementations must never block (e.g. a bounded channel written with TryWrite).
/// </summary>
public interface IHardwareEventSink
{
    /// <summary>Hands an event over without blocking; an implementation may drop it when full.</summary>
    /// <param name="hardwareEvent">The event.</param>
    void Publish(HardwareEvent hardwareEvent);
}
