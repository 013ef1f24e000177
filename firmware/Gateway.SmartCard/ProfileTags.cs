namespace Gateway.SmartCard;

/// <summary>BER-TLV tags of the account record (docs/card-profile.md §7, §8).</summary>
public static class ProfileTags
{
#pragma warning disable CS1591 // Each constant is documented by its name and the table in docs/card-profile.md.
    public const uint Template = 0xE1;
    public const uint FormatVersion = 0xDF01;
    public const uint CardSerial = 0xDF02;
    public const uint Expiry = 0xDF03;
    public const uint FollowMeNumber = 0xDF10;
    public const uint SipAor = 0xDF11;
    public const uint AuthUser = 0xDF12;
    public const uint Realm = 0xDF13;
    public const uint DisplayName = 0xDF14;
    public const uint RegistrarPrimary = 0xDF15;
    public const uint RegistrarSecondary = 0xDF16;
    public const uint OutboundProxyPrimary = 0xDF17;
    public const uint OutboundProxySecondary = 0xDF18;
    public const uint PreferredCodec = 0xDF19;
    public const uint RingCadence = 0xDF1A;
    public const uint Language = 0xDF1B;
    public const uint AwayVoicemailUri = 0xDF1C;
    public const uint AwayForwardNumber = 0xDF1D;
    public const uint CallFilters = 0xFF20;
    public const uint CallFilterRule = 0xFF21;
    public const uint CallerPattern = 0xDF22;
    public const uint Days = 0xDF23;
    public const uint WindowStart = 0xDF24;
    public const uint WindowEnd = 0xDF25;
    public const uint Action = 0xDF26;
    public const uint ForwardNumber = 0xDF27;
    public const uint DefaultAction = 0xDF28;
    public const uint DefaultForwardNumber = 0xDF29;
    public const uint SpeedDials = 0xFF30;
    public const uint SpeedDial = 0xFF31;
    public const uint SpeedDialLabel = 0xDF32;
    public const uint SpeedDialNumber = 0xDF33;
    public const uint Ha1Set = 0xFF40;
    public const uint Ha1Md5 = 0xDF41;
    public const uint Ha1Sha256 = 0xDF42;
    public const uint Ha1Sha512T256 = 0xDF43;
#pragma warning restore CS1591

    /// <summary>The record format version this gateway reads and writes.</summary>
    public const byte CurrentFormatVersion = 1;
}
