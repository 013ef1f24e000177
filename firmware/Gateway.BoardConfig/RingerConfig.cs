namespace Gateway.BoardConfig;

/// <summary>The ringer: a relay on a GPIO pin, the SLIC's ring generator, or simulated.</summary>
public sealed class RingerConfig
{
    /// <summary>Gets the kind: <c>relay</c>, <c>slic</c> or <c>simulated</c> (see <see cref="DeviceKinds.RingerKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the BCM pin driving the relay; required for kind <c>relay</c> only.</summary>
    public int? Pin { get; set; }

    /// <summary>Gets whether the relay is energised by driving the pin low.</summary>
    public bool ActiveLow { get; set; }
}
