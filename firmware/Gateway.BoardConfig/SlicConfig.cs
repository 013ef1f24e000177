namespace Gateway.BoardConfig;

/// <summary>A SLIC (subscriber line interface) giving an FXS port for an analogue phone.</summary>
public sealed class SlicConfig
{
    /// <summary>Gets the kind: <c>ag1171</c> (see <see cref="DeviceKinds.SlicKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the BCM pin to the SLIC's F/R (forward/reverse) input; required.</summary>
    public int? ForwardReversePin { get; set; }

    /// <summary>Gets the BCM pin to the SLIC's RM (ring mode) input; required.</summary>
    public int? RingModePin { get; set; }

    /// <summary>Gets the BCM pin reading the SLIC's SHK (switch-hook) output; required.</summary>
    public int? SwitchHookPin { get; set; }

    /// <summary>Gets whether SHK reads low when off-hook.</summary>
    public bool SwitchHookActiveLow { get; set; }

    /// <summary>Gets the ring frequency in Hz, 15..30 (20 or 25 typical for the AG1171); default 20.</summary>
    public int RingFrequencyHz { get; set; } = 20;
}
