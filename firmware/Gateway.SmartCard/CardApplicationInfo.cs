using Gateway.Sip.Auth;

namespace Gateway.SmartCard;

/// <summary>What the applet announced in its FCI on SELECT.</summary>
/// <param name="VersionMajor">Profile version, major.</param>
/// <param name="VersionMinor">Profile version, minor.</param>
/// <param name="Capabilities">Capability flags.</param>
/// <param name="RecordLength">Length of the account record in bytes.</param>
/// <param name="PreferredChunk">Chunk size for reading the record.</param>
public sealed record CardApplicationInfo(int VersionMajor, int VersionMinor, CardCapabilities Capabilities, int RecordLength, int PreferredChunk)
{
    /// <summary>True when the PIN must be verified first.</summary>
    public bool PinRequired => Capabilities.HasFlag(CardCapabilities.PinRequired);

    /// <summary>True when the card can answer <paramref name="algorithm"/>.</summary>
    /// <param name="algorithm">The algorithm.</param>
    /// <returns>Whether it is supported.</returns>
    public bool Supports(DigestHashFunction algorithm) => algorithm switch
    {
        DigestHashFunction.Md5 => Capabilities.HasFlag(CardCapabilities.Md5),
        DigestHashFunction.Sha256 => Capabilities.HasFlag(CardCapabilities.Sha256),
        DigestHashFunction.Sha512T256 => Capabilities.HasFlag(CardCapabilities.Sha512T256),
        _ => false,
    };
}
