namespace Gateway.BoardConfig;

/// <summary>A pulse-output coin acceptor on a GPIO input.</summary>
public sealed class CoinConfig
{
    /// <summary>Gets the kind: <c>gpio</c> (see <see cref="DeviceKinds.CoinKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the BCM pin of the pulse output; required.</summary>
    public int? Pin { get; set; }

    /// <summary>Gets whether a pulse pulls the pin low.</summary>
    public bool ActiveLow { get; set; }

    /// <summary>Gets the credit, in cents, of one pulse; required, 1..10000.</summary>
    public int CentsPerPulse { get; set; }
}
