using Gateway.Sip.Auth;

namespace Gateway.Telephony.Calls;

/// <summary>Settings of <see cref="SipOutboundCallPlacer"/>.</summary>
public sealed record OutboundCallOptions
{
    /// <summary>The host[:port] of dialled targets, <c>sip:{dialled}@{Domain}</c>: the network server's domain.</summary>
    public required string Domain { get; init; }

    /// <summary>The box's device id, sent as <c>X-Gateway-Device</c> so the network server adds the box's surcharge.</summary>
    public required string DeviceId { get; init; }

    /// <summary>The From URI of calls without a card; null uses the UA's own address of record.</summary>
    public string? BoxAor { get; init; }

    /// <summary>The From display name of calls without a card.</summary>
    public string? BoxDisplayName { get; init; }

    /// <summary>The box's own digest client for calls without a card; null when the network needs none for them.</summary>
    public DigestAuthenticator? BoxAuthenticator { get; init; }

    /// <summary>The numbers that are emergency calls; they carry <see cref="EmergencyHeaders"/>.</summary>
    public IReadOnlySet<string> EmergencyNumbers { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The location headers of emergency calls (RFC 6442 Geolocation and the box's civic location).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> EmergencyHeaders { get; init; } = [];
}
