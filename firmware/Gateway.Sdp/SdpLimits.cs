namespace Gateway.Sdp;

/// <summary>Bounds the parser keeps so a hostile body costs little: size, media sections, attributes and formats.</summary>
/// <param name="MaxLength">Largest body in octets.</param>
/// <param name="MaxMedia">Most m= sections.</param>
/// <param name="MaxAttributes">Most a= lines in one section (session or media).</param>
/// <param name="MaxFormats">Most formats on one m= line.</param>
public sealed record SdpLimits(int MaxLength = 16 * 1024, int MaxMedia = 16, int MaxAttributes = 64, int MaxFormats = 32)
{
    /// <summary>Limits that fit a pay-phone's calls with room to spare.</summary>
    public static SdpLimits Default { get; } = new();
}
