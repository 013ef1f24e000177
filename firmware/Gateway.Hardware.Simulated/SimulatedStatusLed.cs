namespace Gateway.Hardware.Simulated;

/// <summary>A status LED for the bench board; read <see cref="StatusLedBase.IsLit"/> or watch <see cref="LitChanged"/>.</summary>
public sealed class SimulatedStatusLed : StatusLedBase
{
    /// <summary>Creates the LED, initially off.</summary>
    /// <param name="timeProvider">Timers for blinking.</param>
    public SimulatedStatusLed(TimeProvider timeProvider)
        : base(timeProvider)
    {
    }

    /// <summary>Raised (under the LED lock; only enqueue) when the LED turns on or off.</summary>
    public event EventHandler<bool>? LitChanged;

    /// <inheritdoc/>
    protected override void SetLed(bool lit) => LitChanged?.Invoke(this, lit);
}
