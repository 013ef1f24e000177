namespace Gateway.SmartCard;

/// <summary>Identifiers and instruction codes of the follow-me card profile (docs/card-profile.md).</summary>
public static class FollowMeApplication
{
    /// <summary>The application identifier F0 47 57 46 4D 01 00 01.</summary>
    public static ReadOnlySpan<byte> Aid => [0xF0, 0x47, 0x57, 0x46, 0x4D, 0x01, 0x00, 0x01];

    /// <summary>File identifier of the storage card's transparent EF (4746).</summary>
    public const ushort StorageFileId = 0x4746;

    /// <summary>PIN reference used in VERIFY P2.</summary>
    public const byte PinReference = 0x81;

    /// <summary>Retry limit of the PIN.</summary>
    public const int PinTryLimit = 3;

    /// <summary>Chunk size used when the FCI does not announce one.</summary>
    public const int DefaultChunk = 240;

    /// <summary>SELECT.</summary>
    public const byte InsSelect = 0xA4;

    /// <summary>VERIFY.</summary>
    public const byte InsVerify = 0x20;

    /// <summary>READ BINARY (record read).</summary>
    public const byte InsReadBinary = 0xB0;

    /// <summary>GET RESPONSE.</summary>
    public const byte InsGetResponse = 0xC0;

    /// <summary>INTERNAL AUTHENTICATE (proprietary class 80).</summary>
    public const byte InsInternalAuthenticate = 0x88;

    /// <summary>Proprietary class byte for INTERNAL AUTHENTICATE.</summary>
    public const byte ClaProprietary = 0x80;

    /// <summary>FCI template.</summary>
    public const uint TagFci = 0x6F;

    /// <summary>DF name inside the FCI.</summary>
    public const uint TagDfName = 0x84;

    /// <summary>Proprietary FCI information.</summary>
    public const uint TagFciProprietary = 0xA5;

    /// <summary>Profile version (2 bytes).</summary>
    public const uint TagVersion = 0xDF01;

    /// <summary>Capability flags (1 byte).</summary>
    public const uint TagCapabilities = 0xDF02;

    /// <summary>Record length (2 bytes).</summary>
    public const uint TagRecordLength = 0xDF03;

    /// <summary>Preferred chunk size (1 byte).</summary>
    public const uint TagChunk = 0xDF04;

    /// <summary>INTERNAL AUTHENTICATE data tags, in the order of docs/card-profile.md §6.</summary>
    public const uint TagAuthAlgorithm = 0x80;

    /// <summary>Realm.</summary>
    public const uint TagAuthRealm = 0x81;

    /// <summary>Nonce.</summary>
    public const uint TagAuthNonce = 0x82;

    /// <summary>Method.</summary>
    public const uint TagAuthMethod = 0x83;

    /// <summary>Digest URI.</summary>
    public const uint TagAuthUri = 0x84;

    /// <summary>qop.</summary>
    public const uint TagAuthQop = 0x85;

    /// <summary>Nonce count.</summary>
    public const uint TagAuthNc = 0x86;

    /// <summary>Client nonce.</summary>
    public const uint TagAuthCnonce = 0x87;
}
