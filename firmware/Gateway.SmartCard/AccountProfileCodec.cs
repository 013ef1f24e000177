using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Gateway.Sip.Auth;

namespace Gateway.SmartCard;

/// <summary>Encodes and decodes the account record (template E1) of docs/card-profile.md §7–8.</summary>
public static class AccountProfileCodec
{
    private static readonly UTF8Encoding s_strictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly (DigestHashFunction Algorithm, uint Tag)[] s_ha1Tags =
    [
        (DigestHashFunction.Md5, ProfileTags.Ha1Md5),
        (DigestHashFunction.Sha256, ProfileTags.Ha1Sha256),
        (DigestHashFunction.Sha512T256, ProfileTags.Ha1Sha512T256),
    ];

    /// <summary>Encodes a profile; with <paramref name="storageCardSecrets"/> the HA1 set FF40 is added (storage cards only).</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="storageCardSecrets">HA1 values for a storage card, or null for an applet card.</param>
    /// <returns>The E1 record bytes.</returns>
    public static byte[] Encode(AccountProfile profile, CardSecrets? storageCardSecrets = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var items = new List<BerTlv> { BerTlv.Primitive(ProfileTags.FormatVersion, [ProfileTags.CurrentFormatVersion]) };
        AddText(items, ProfileTags.CardSerial, profile.CardSerial);
        if (profile.Expiry is { } expiry)
        {
            AddText(items, ProfileTags.Expiry, expiry.ToString("yyyyMMdd", CultureInfo.InvariantCulture));
        }

        AddMandatory(items, ProfileTags.FollowMeNumber, profile.FollowMeNumber);
        AddMandatory(items, ProfileTags.SipAor, profile.SipAor);
        AddMandatory(items, ProfileTags.AuthUser, profile.AuthUser);
        AddMandatory(items, ProfileTags.Realm, profile.Realm);
        AddText(items, ProfileTags.DisplayName, profile.DisplayName);
        AddText(items, ProfileTags.RegistrarPrimary, profile.RegistrarPrimary);
        AddText(items, ProfileTags.RegistrarSecondary, profile.RegistrarSecondary);
        AddText(items, ProfileTags.OutboundProxyPrimary, profile.OutboundProxyPrimary);
        AddText(items, ProfileTags.OutboundProxySecondary, profile.OutboundProxySecondary);
        foreach (var codec in profile.PreferredCodecs)
        {
            AddText(items, ProfileTags.PreferredCodec, codec);
        }

        AddText(items, ProfileTags.RingCadence, profile.RingCadence);
        AddText(items, ProfileTags.Language, profile.Language);
        AddText(items, ProfileTags.AwayVoicemailUri, profile.AwayVoicemailUri);
        AddText(items, ProfileTags.AwayForwardNumber, profile.AwayForwardNumber);
        if (profile.CallFilters.Count > 0 || profile.DefaultFilterAction != FilterAction.Ring || profile.DefaultForwardNumber is not null)
        {
            var filters = profile.CallFilters.Select(EncodeRule).ToList();
            filters.Add(BerTlv.Primitive(ProfileTags.DefaultAction, [(byte)profile.DefaultFilterAction]));
            AddText(filters, ProfileTags.DefaultForwardNumber, profile.DefaultForwardNumber);
            items.Add(BerTlv.Constructed(ProfileTags.CallFilters, filters));
        }

        if (profile.SpeedDials.Count > 0)
        {
            items.Add(BerTlv.Constructed(ProfileTags.SpeedDials, profile.SpeedDials.Select(d => BerTlv.Constructed(
                ProfileTags.SpeedDial,
                [Text(ProfileTags.SpeedDialLabel, d.Label), Text(ProfileTags.SpeedDialNumber, d.Number)]))));
        }

        if (storageCardSecrets is not null)
        {
            var ha1 = new List<BerTlv>();
            foreach (var (algorithm, tag) in s_ha1Tags)
            {
                if (storageCardSecrets.TryGetHa1(algorithm, out var value))
                {
                    ha1.Add(BerTlv.Primitive(tag, value.Span));
                }
            }

            items.Add(BerTlv.Constructed(ProfileTags.Ha1Set, ha1));
        }

        var template = BerTlv.Constructed(ProfileTags.Template, items);
        var encoded = template.Encode();
        template.Clear();
        return encoded;
    }

    /// <summary>Decodes a record, ignoring (and zeroing) any HA1 set it carries.</summary>
    /// <param name="record">The E1 record bytes.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="CardFormatException">The record is malformed.</exception>
    public static AccountProfile Decode(ReadOnlySpan<byte> record)
    {
        var profile = Decode(record, out var secrets);
        secrets?.Dispose();
        return profile;
    }

    /// <summary>Decodes a record and returns the HA1 set if present (storage cards).</summary>
    /// <param name="record">The E1 record bytes.</param>
    /// <param name="secrets">The HA1 set, or null; the caller disposes it.</param>
    /// <returns>The profile.</returns>
    /// <exception cref="CardFormatException">The record is malformed.</exception>
    public static AccountProfile Decode(ReadOnlySpan<byte> record, out CardSecrets? secrets)
    {
        secrets = null;
        var template = BerTlv.Decode(record);
        try
        {
            if (template.Tag != ProfileTags.Template)
            {
                throw new CardFormatException($"Expected template E1, found {template.Tag:X}.");
            }

            var profile = DecodeTemplate(template.Children, out secrets);
            return profile;
        }
        catch (CardFormatException)
        {
            secrets?.Dispose();
            secrets = null;
            throw;
        }
        finally
        {
            template.Clear();
        }
    }

    private static AccountProfile DecodeTemplate(IReadOnlyList<BerTlv> children, out CardSecrets? secrets)
    {
        secrets = null;
        var seen = new HashSet<uint>();
        var profile = new AccountProfile();
        var codecs = new List<string>();
        var version = (byte?)null;
        foreach (var item in children)
        {
            if (item.Tag != ProfileTags.PreferredCodec && !seen.Add(item.Tag))
            {
                throw new CardFormatException($"Tag {item.Tag:X} appears twice.");
            }

            profile = item.Tag switch
            {
                ProfileTags.CardSerial => profile with { CardSerial = ReadText(item) },
                ProfileTags.Expiry => profile with { Expiry = ReadDate(item) },
                ProfileTags.FollowMeNumber => profile with { FollowMeNumber = ReadText(item) },
                ProfileTags.SipAor => profile with { SipAor = ReadText(item) },
                ProfileTags.AuthUser => profile with { AuthUser = ReadText(item) },
                ProfileTags.Realm => profile with { Realm = ReadText(item) },
                ProfileTags.DisplayName => profile with { DisplayName = ReadText(item) },
                ProfileTags.RegistrarPrimary => profile with { RegistrarPrimary = ReadText(item) },
                ProfileTags.RegistrarSecondary => profile with { RegistrarSecondary = ReadText(item) },
                ProfileTags.OutboundProxyPrimary => profile with { OutboundProxyPrimary = ReadText(item) },
                ProfileTags.OutboundProxySecondary => profile with { OutboundProxySecondary = ReadText(item) },
                ProfileTags.RingCadence => profile with { RingCadence = ReadText(item) },
                ProfileTags.Language => profile with { Language = ReadText(item) },
                ProfileTags.AwayVoicemailUri => profile with { AwayVoicemailUri = ReadText(item) },
                ProfileTags.AwayForwardNumber => profile with { AwayForwardNumber = ReadText(item) },
                ProfileTags.CallFilters => DecodeFilters(profile, item),
                ProfileTags.SpeedDials => profile with { SpeedDials = item.Children.Select(DecodeSpeedDial).ToList() },
                _ => profile,
            };
            if (item.Tag == ProfileTags.PreferredCodec)
            {
                codecs.Add(ReadText(item));
            }
            else if (item.Tag == ProfileTags.FormatVersion)
            {
                version = item.Value.Length == 1 ? item.Value.Span[0] : throw new CardFormatException("Format version must be 1 byte.");
            }
            else if (item.Tag == ProfileTags.Ha1Set)
            {
                secrets = DecodeSecrets(item);
            }
        }

        if (version != ProfileTags.CurrentFormatVersion)
        {
            throw new CardFormatException($"Unsupported or missing record format version {version?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}.");
        }

        return profile with { PreferredCodecs = codecs };
    }

    private static AccountProfile DecodeFilters(AccountProfile profile, BerTlv list)
    {
        RequireConstructed(list);
        var rules = new List<CallFilterRule>();
        var defaultAction = FilterAction.Ring;
        string? defaultForward = null;
        var seen = new HashSet<uint>();
        foreach (var item in list.Children)
        {
            if (item.Tag == ProfileTags.CallFilterRule)
            {
                rules.Add(DecodeRule(item));
                continue;
            }

            if (!seen.Add(item.Tag))
            {
                throw new CardFormatException($"Tag {item.Tag:X} appears twice in the filter list.");
            }

            if (item.Tag == ProfileTags.DefaultAction)
            {
                defaultAction = ReadAction(item);
            }
            else if (item.Tag == ProfileTags.DefaultForwardNumber)
            {
                defaultForward = ReadText(item);
            }
        }

        return profile with { CallFilters = rules, DefaultFilterAction = defaultAction, DefaultForwardNumber = defaultForward };
    }

    private static BerTlv EncodeRule(CallFilterRule rule)
    {
        Span<byte> start = stackalloc byte[2];
        Span<byte> end = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(start, checked((ushort)rule.StartMinute));
        BinaryPrimitives.WriteUInt16BigEndian(end, checked((ushort)rule.EndMinute));
        var items = new List<BerTlv>
        {
            Text(ProfileTags.CallerPattern, rule.CallerPattern),
            BerTlv.Primitive(ProfileTags.Days, [(byte)rule.Days]),
            BerTlv.Primitive(ProfileTags.WindowStart, start),
            BerTlv.Primitive(ProfileTags.WindowEnd, end),
            BerTlv.Primitive(ProfileTags.Action, [(byte)rule.Action]),
        };
        AddText(items, ProfileTags.ForwardNumber, rule.ForwardNumber);
        return BerTlv.Constructed(ProfileTags.CallFilterRule, items);
    }

    private static CallFilterRule DecodeRule(BerTlv item)
    {
        RequireConstructed(item);
        var rule = new CallFilterRule();
        var seen = new HashSet<uint>();
        foreach (var field in item.Children)
        {
            if (!seen.Add(field.Tag))
            {
                throw new CardFormatException($"Tag {field.Tag:X} appears twice in a filter rule.");
            }

            rule = field.Tag switch
            {
                ProfileTags.CallerPattern => rule with { CallerPattern = ReadText(field) },
                ProfileTags.Days => rule with { Days = ReadDays(field) },
                ProfileTags.WindowStart => rule with { StartMinute = ReadMinute(field, 1439) },
                ProfileTags.WindowEnd => rule with { EndMinute = ReadMinute(field, 1440) },
                ProfileTags.Action => rule with { Action = ReadAction(field) },
                ProfileTags.ForwardNumber => rule with { ForwardNumber = ReadText(field) },
                _ => rule,
            };
        }

        foreach (var tag in (uint[])[ProfileTags.CallerPattern, ProfileTags.Days, ProfileTags.WindowStart, ProfileTags.WindowEnd, ProfileTags.Action])
        {
            if (!seen.Contains(tag))
            {
                throw new CardFormatException($"Filter rule lacks tag {tag:X}.");
            }
        }

        return rule;
    }

    private static SpeedDial DecodeSpeedDial(BerTlv item)
    {
        if (item.Tag != ProfileTags.SpeedDial)
        {
            throw new CardFormatException($"Unexpected tag {item.Tag:X} in the speed dial list.");
        }

        var label = item.Find(ProfileTags.SpeedDialLabel) ?? throw new CardFormatException("Speed dial without label.");
        var number = item.Find(ProfileTags.SpeedDialNumber) ?? throw new CardFormatException("Speed dial without number.");
        return new SpeedDial(ReadText(label), ReadText(number));
    }

    private static CardSecrets DecodeSecrets(BerTlv set)
    {
        RequireConstructed(set);
        var secrets = new CardSecrets();
        foreach (var (algorithm, tag) in s_ha1Tags)
        {
            if (set.Find(tag) is { } item)
            {
                if (item.Value.Length != DigestCalculator.HashSize(algorithm))
                {
                    secrets.Dispose();
                    throw new CardFormatException($"HA1 for {algorithm} has the wrong length.");
                }

                secrets.SetHa1(algorithm, item.Value.Span);
            }
        }

        return secrets;
    }

    private static void RequireConstructed(BerTlv item)
    {
        if (!item.IsConstructed)
        {
            throw new CardFormatException($"Tag {item.Tag:X} must be constructed.");
        }
    }

    private static string ReadText(BerTlv item)
    {
        try
        {
            return s_strictUtf8.GetString(item.Value.Span);
        }
        catch (ArgumentException ex)
        {
            throw new CardFormatException($"Tag {item.Tag:X} is not valid UTF-8.", ex);
        }
    }

    private static DateOnly ReadDate(BerTlv item)
    {
        var text = ReadText(item);
        return text.Length == 8 && text.All(char.IsAsciiDigit)
            && DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new CardFormatException($"Expiry '{text}' is not a YYYYMMDD date.");
    }

    private static DaysOfWeekMask ReadDays(BerTlv item) =>
        item.Value.Length == 1 && item.Value.Span[0] <= 0x7F
            ? (DaysOfWeekMask)item.Value.Span[0]
            : throw new CardFormatException("Days mask must be one byte below 80.");

    private static int ReadMinute(BerTlv item, int max)
    {
        var minute = item.Value.Length == 2 ? BinaryPrimitives.ReadUInt16BigEndian(item.Value.Span) : -1;
        return minute >= 0 && minute <= max ? minute : throw new CardFormatException($"Tag {item.Tag:X} is not a minute 0..{max}.");
    }

    private static FilterAction ReadAction(BerTlv item) =>
        item.Value.Length == 1 && item.Value.Span[0] <= (byte)FilterAction.RejectBusy
            ? (FilterAction)item.Value.Span[0]
            : throw new CardFormatException($"Tag {item.Tag:X} is not a filter action.");

    private static BerTlv Text(uint tag, string value) => BerTlv.Primitive(tag, Encoding.UTF8.GetBytes(value));

    private static void AddText(List<BerTlv> items, uint tag, string? value)
    {
        if (value is not null)
        {
            items.Add(Text(tag, value));
        }
    }

    private static void AddMandatory(List<BerTlv> items, uint tag, string value)
    {
        // Empty mandatory fields are left out so the validator reports them as missing, not as empty.
        if (!string.IsNullOrEmpty(value))
        {
            items.Add(Text(tag, value));
        }
    }
}
