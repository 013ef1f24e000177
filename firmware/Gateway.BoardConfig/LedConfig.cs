namespace Gateway.BoardConfig;

/// <summary>An indicator LED on a GPIO output.</summary>
public sealed class LedConfig
{
    /// <summary>Gets the kind: <c>gpio</c> (see <see cref="DeviceKinds.LedKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the BCM pin driving the LED; required.</summary>
    public int? Pin { get; set; }

    /// <summary>Gets whether the LED lights when the pin is driven low.</summary>
    public bool ActiveLow { get; set; }
}
