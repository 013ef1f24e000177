namespace Gateway.BoardConfig;

/// <summary>Board-wide defaults; a station may override the ring cadence.</summary>
public sealed class DefaultsConfig
{
    /// <summary>Gets the default ring cadence name; default <c>us-standard</c>.</summary>
    public string RingCadence { get; set; } = "us-standard";

    /// <summary>Gets the codecs offered, in order of preference; default PCMU, PCMA.</summary>
    public IReadOnlyList<string> Codecs { get; set; } = ["PCMU", "PCMA"];

    /// <summary>Gets the call-progress tone plan name; default <c>us</c>.</summary>
    public string TonePlan { get; set; } = "us";
}
