using CsCheck;

namespace Gateway.SmartCard.Tests;

/// <summary>CsCheck generators for TLVs, APDUs and profiles.</summary>
internal static class Generators
{
    private const string TextChars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+:@.;-_ *äöüçñ€漢";

    public static readonly Gen<string> Text = Gen.String[Gen.Char[TextChars], 0, 40];

    public static readonly Gen<string> NonEmptyText = Gen.String[Gen.Char[TextChars], 1, 40];

    public static readonly Gen<string?> OptionalText = Gen.Select(Gen.Bool, Text, (present, s) => present ? s : null);

    public static readonly Gen<uint> PrimitiveTag = Gen.OneOf(
        Gen.Byte.Where(b => b != 0 && (b & 0x1F) != 0x1F && (b & 0x20) == 0).Select(b => (uint)b),
        MultiByteTag(constructed: false));

    public static readonly Gen<uint> ConstructedTag = Gen.OneOf(
        Gen.Byte.Where(b => (b & 0x1F) != 0x1F && (b & 0x20) != 0).Select(b => (uint)b),
        MultiByteTag(constructed: true));

    public static readonly Gen<BerTlv> Tlv = TlvOfDepth(3);

    public static readonly Gen<CallFilterRule> Rule = Gen.Select(
        Text,
        Gen.Int[0, 0x7F],
        Gen.Int[0, 1439],
        Gen.Int[0, 1440],
        Gen.Int[0, 3],
        OptionalText,
        (pattern, days, start, end, action, forward) => new CallFilterRule
        {
            CallerPattern = pattern,
            Days = (DaysOfWeekMask)days,
            StartMinute = start,
            EndMinute = end,
            Action = (FilterAction)action,
            ForwardNumber = forward,
        });

    public static readonly Gen<AccountProfile> Profile = Gen.Select(
        Gen.Select(OptionalText, Text, Text, Text, Text, OptionalText, OptionalText),
        Gen.Select(OptionalText, OptionalText, OptionalText, Text.List[0, 4], OptionalText, OptionalText, OptionalText),
        Gen.Select(OptionalText, Rule.List[0, 5], Gen.Int[0, 3], OptionalText, Gen.Select(Text, Text, (l, n) => new SpeedDial(l, n)).List[0, 4]),
        Gen.Select(Gen.Bool, Gen.Date[new DateTime(2000, 1, 1), new DateTime(2099, 12, 31)], (has, d) => has ? DateOnly.FromDateTime(d) : (DateOnly?)null),
        (a, b, c, expiry) => new AccountProfile
        {
            CardSerial = a.Item1,
            FollowMeNumber = a.Item2,
            SipAor = a.Item3,
            AuthUser = a.Item4,
            Realm = a.Item5,
            DisplayName = a.Item6,
            RegistrarPrimary = a.Item7,
            RegistrarSecondary = b.Item1,
            OutboundProxyPrimary = b.Item2,
            OutboundProxySecondary = b.Item3,
            PreferredCodecs = b.Item4,
            RingCadence = b.Item5,
            Language = b.Item6,
            AwayVoicemailUri = b.Item7,
            AwayForwardNumber = c.Item1,
            CallFilters = c.Item2,
            DefaultFilterAction = (FilterAction)c.Item3,
            DefaultForwardNumber = c.Item4,
            SpeedDials = c.Item5,
            Expiry = expiry,
        });

    private static Gen<uint> MultiByteTag(bool constructed) => Gen.Select(
        Gen.Int[0, 3],
        Gen.Byte.Array[0, 2],
        Gen.Byte,
        (cls, middle, last) =>
        {
            uint tag = (uint)((cls << 6) | (constructed ? 0x20 : 0) | 0x1F);
            foreach (var m in middle)
            {
                tag = (tag << 8) | (uint)(m | 0x80);
            }

            return (tag << 8) | (uint)(last & 0x7F);
        });

    private static Gen<BerTlv> TlvOfDepth(int depth)
    {
        var primitive = Gen.Select(PrimitiveTag, Gen.Byte.Array[0, 300], (tag, value) => BerTlv.Primitive(tag, value));
        return depth == 0
            ? primitive
            : Gen.OneOf(primitive, Gen.Select(ConstructedTag, TlvOfDepth(depth - 1).List[0, 3], (tag, children) => BerTlv.Constructed(tag, children)));
    }
}
