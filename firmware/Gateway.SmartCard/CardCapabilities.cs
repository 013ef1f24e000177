namespace Gateway.SmartCard;

/// <summary>Capability flags of the follow-me applet (FCI tag DF02).</summary>
[Flags]
public enum CardCapabilities
{
    /// <summary>Nothing announced.</summary>
    None = 0,

    /// <summary>PIN verification is required before reading the record or authenticating.</summary>
    PinRequired = 0x01,

    /// <summary>MD5 digest supported.</summary>
    Md5 = 0x02,

    /// <summary>SHA-256 digest supported.</summary>
    Sha256 = 0x04,

    /// <summary>SHA-512-256 digest supported.</summary>
    Sha512T256 = 0x08,
}
