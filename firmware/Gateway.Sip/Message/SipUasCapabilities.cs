namespace Gateway.Sip.Message;

/// <summary>What a UAS understands; the validator answers 501, 420, 415, 416 and 406 from it.</summary>
public sealed class SipUasCapabilities
{
    /// <summary>
    /// Methods the UAS really handles (case-sensitive, RFC 3261 §7.1); the Allow header of 501, 405 and
    /// OPTIONS lists exactly these, so the default is the set the call UA implements.
    /// </summary>
    public IReadOnlySet<string> Methods { get; init; } =
        new HashSet<string>(StringComparer.Ordinal) { "INVITE", "ACK", "BYE", "CANCEL", "OPTIONS" };

    /// <summary>
    /// Methods the UAS recognises but does not allow (answered 405 with Allow, §8.2.1); any method in
    /// neither set is answered 501.
    /// </summary>
    public IReadOnlySet<string> KnownMethods { get; init; } =
        new HashSet<string>(StringComparer.Ordinal) { "REGISTER", "SUBSCRIBE", "NOTIFY", "PUBLISH", "REFER", "MESSAGE", "INFO", "UPDATE", "PRACK" };

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
