namespace Gateway.Hardware.Gpio;

/// <summary>Wiring and ring settings of an AG1171 SLIC (FXS port).</summary>
public sealed class Ag1171Options
{
    /// <summary>GPIO output to the F/R (forward/reverse) input; toggled to generate the ring voltage.</summary>
    public required int ForwardReversePin { get; init; }

    /// <summary>GPIO output to the RM (ring mode) input; high enables the ring generator.</summary>
    public required int RingModePin { get; init; }

    /// <summary>GPIO input from the SHK (switch hook) output; high while loop current flows (off-hook).</summary>
    public required int SwitchHookPin { get; init; }

    /// <summary>Ring frequency in Hz: F/R toggles twice per cycle. 20 Hz (North America) by default, 25 Hz in much of Europe.</summary>
    public int RingFrequencyHz { get; init; } = 20;

    /// <summary>True (the AG1171 default) when SHK is high off-hook.</summary>
    public bool SwitchHookActiveHigh { get; init; } = true;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">Pins collide or the frequency is out of 15–50 Hz.</exception>
    public void Validate()
    {
        if (RingFrequencyHz is < 15 or > 50)
        {
            throw new ArgumentException($"AG1171 ring frequency must be 15–50 Hz (was {RingFrequencyHz} Hz).", nameof(RingFrequencyHz));
        }

        if (ForwardReversePin == RingModePin || ForwardReversePin == SwitchHookPin || RingModePin == SwitchHookPin)
        {
            throw new ArgumentException($"AG1171 pins F/R={ForwardReversePin}, RM={RingModePin}, SHK={SwitchHookPin} must all be different.", nameof(ForwardReversePin));
        }
    }
}
