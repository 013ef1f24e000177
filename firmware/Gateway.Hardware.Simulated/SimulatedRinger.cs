using Microsoft.Extensions.Logging;

namespace Gateway.Hardware.Simulated;

/// <summary>A ringer with no bell at all, for the bench board: <see cref="RingerBase.BellChanged"/> is all it shows.</summary>
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

    /// <inheritdoc/>
    protected override void SetBell(bool energized)
    {
        // Nothing to energise; the base raises BellChanged for every change.
    }
}
