namespace Gateway.Sip.Message;

/// <summary>What a UAS understands; the validator answers 501, 420, 415, 416 and 406 from it.</summary>
public sealed class SipUasCapabilities
{
    /// <summary>Methods the UAS implements (case-sensitive, RFC 3261 §7.1).</summary>
    public IReadOnlySet<string> Methods { get; init; } =
        new HashSet<string>(StringComparer.Ordinal) { "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "INFO", "NOTIFY", "UPDATE", "PRACK", "MESSAGE", "REFER" };

    /// <summary>Option tags the UAS supports (compared case-insensitively).</summary>
    public IReadOnlySet<string> OptionTags { get; init; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "100rel", "timer", "replaces", "outbound", "path", "gruu" };

    /// <summary>Body media types the UAS understands ("type/subtype").</summary>
    public IReadOnlySet<string> ContentTypes { get; init; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "application/sdp" };

    /// <summary>Request-URI schemes the UAS serves.</summary>
    public IReadOnlySet<string> UriSchemes { get; init; } =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "sip", "sips" };
}
