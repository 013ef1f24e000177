namespace Gateway.SmartCard;

/// <summary>
/// The follow-me account carried on the card (docs/card-profile.md §7). Mandatory text fields are empty when the
/// card did not carry them; <see cref="ProfileValidator"/> reports that.
/// </summary>
public sealed record AccountProfile
{
    /// <summary>Card serial (DF02).</summary>
    public string? CardSerial { get; init; }

    /// <summary>Last valid day, UTC (DF03); null = no expiry.</summary>
    public DateOnly? Expiry { get; init; }

    /// <summary>The follow-me number in E.164 (DF10).</summary>
    public string FollowMeNumber { get; init; } = "";

    /// <summary>The SIP address of record (DF11).</summary>
    public string SipAor { get; init; } = "";

    /// <summary>Digest username (DF12).</summary>
    public string AuthUser { get; init; } = "";

    /// <summary>Digest realm (DF13).</summary>
    public string Realm { get; init; } = "";

    /// <summary>Display name (DF14).</summary>
    public string? DisplayName { get; init; }

    /// <summary>Primary registrar (DF15).</summary>
    public string? RegistrarPrimary { get; init; }

    /// <summary>Secondary registrar (DF16).</summary>
    public string? RegistrarSecondary { get; init; }

    /// <summary>Primary outbound proxy (DF17).</summary>
    public string? OutboundProxyPrimary { get; init; }

    /// <summary>Secondary outbound proxy (DF18).</summary>
    public string? OutboundProxySecondary { get; init; }

    /// <summary>Codecs in preference order (DF19, repeated).</summary>
    public IReadOnlyList<string> PreferredCodecs { get; init; } = [];

    /// <summary>Ring cadence name (DF1A).</summary>
    public string? RingCadence { get; init; }

    /// <summary>Language, BCP 47 (DF1B).</summary>
    public string? Language { get; init; }

    /// <summary>Where calls go while away: a voicemail URI (DF1C).</summary>
    public string? AwayVoicemailUri { get; init; }

    /// <summary>Where calls go while away: a forward number (DF1D).</summary>
    public string? AwayForwardNumber { get; init; }

    /// <summary>Call filter rules in evaluation order (FF20/FF21).</summary>
    public IReadOnlyList<CallFilterRule> CallFilters { get; init; } = [];

    /// <summary>Action when no rule matches (FF20/DF28).</summary>
    public FilterAction DefaultFilterAction { get; init; }

    /// <summary>Forward number of the default action (FF20/DF29).</summary>
    public string? DefaultForwardNumber { get; init; }

    /// <summary>Speed dials (FF30/FF31).</summary>
    public IReadOnlyList<SpeedDial> SpeedDials { get; init; } = [];

    /// <inheritdoc/>
    public bool Equals(AccountProfile? other) =>
        other is not null
        && CardSerial == other.CardSerial
        && Expiry == other.Expiry
        && FollowMeNumber == other.FollowMeNumber
        && SipAor == other.SipAor
        && AuthUser == other.AuthUser
        && Realm == other.Realm
        && DisplayName == other.DisplayName
        && RegistrarPrimary == other.RegistrarPrimary
        && RegistrarSecondary == other.RegistrarSecondary
        && OutboundProxyPrimary == other.OutboundProxyPrimary
        && OutboundProxySecondary == other.OutboundProxySecondary
        && PreferredCodecs.SequenceEqual(other.PreferredCodecs)
        && RingCadence == other.RingCadence
        && Language == other.Language
        && AwayVoicemailUri == other.AwayVoicemailUri
        && AwayForwardNumber == other.AwayForwardNumber
        && CallFilters.SequenceEqual(other.CallFilters)
        && DefaultFilterAction == other.DefaultFilterAction
        && DefaultForwardNumber == other.DefaultForwardNumber
        && SpeedDials.SequenceEqual(other.SpeedDials);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(FollowMeNumber, SipAor, AuthUser, Realm, CallFilters.Count, SpeedDials.Count);
}
