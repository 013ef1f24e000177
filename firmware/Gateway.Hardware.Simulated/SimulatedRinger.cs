using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Simulated;

/// <summary>A ringer whose bell is a property and an event, for the bench board.</summary>
public sealed class SimulatedRinger : RingerBase
{
    /// <summary>Creates the ringer.</summary>
    /// <param name="timeProvider">Clock and timers.</param>
    /// <param name="isOffHook">Hook state, so it never rings off-hook.</param>
    /// <param name="logger">Optional logger.</param>
    public SimulatedRinger(TimeProvider timeProvider, Func<bool>? isOffHook, ILogger? logger = null)
        : base(timeProvider, isOffHook, logger)
    {
    }

    /// <summary>Raised (under the ringer lock; only enqueue) when the bell turns on or off.</summary>
    public event EventHandler<bool>? BellChanged;

    /// <inheritdoc/>
    protected override void SetBell(bool energized) => BellChanged?.Invoke(this, energized);
}
