namespace Gateway.BoardConfig;

/// <summary>The switch-hook: a GPIO input (<c>gpio</c>) or the SLIC's SHK output (<c>slic</c>).</summary>
public sealed class HookConfig
{
    /// <summary>Gets the kind: <c>gpio</c> or <c>slic</c> (see <see cref="DeviceKinds.HookKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the BCM pin of the hook switch; required for kind <c>gpio</c>, not allowed for <c>slic</c>.</summary>
    public int? Pin { get; set; }

    /// <summary>Gets whether the input reads low when off-hook.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>Gets the debounce time in ms, 1..200; default 30.</summary>
    public int DebounceMs { get; set; } = 30;

    /// <summary>Gets the shortest on-hook time taken as a hook flash, in ms; must exceed <see cref="DebounceMs"/>. Default 80.</summary>
    public int FlashMinMs { get; set; } = 80;

    /// <summary>Gets the longest on-hook time taken as a hook flash, in ms; longer is a hang-up. Default 800.</summary>
    public int FlashMaxMs { get; set; } = 800;

    /// <summary>Gets whether hook pulses are decoded as rotary (pulse) dialling.</summary>
    public bool PulseDialing { get; set; }
}
