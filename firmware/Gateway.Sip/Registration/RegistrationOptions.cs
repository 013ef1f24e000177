using Gateway.Sip.Transport;

namespace Gateway.Sip.Registration;

/// <summary>What one <see cref="RegistrationClient"/> registers, where, and how often.</summary>
public sealed record RegistrationOptions
{
    /// <summary>The address of record, e.g. <c>sip:alice@example.net</c> (To and From).</summary>
    public required string Aor { get; init; }

    /// <summary>The registrar's URI, the Request-URI, e.g. <c>sip:example.net</c>.</summary>
    public required string RegistrarUri { get; init; }

    /// <summary>Where REGISTERs go when there is no outbound proxy: the registrar's transport and address.</summary>
    public required SipEndPoint Registrar { get; init; }

    /// <summary>An outbound proxy to send through instead of the registrar; null sends straight to it.</summary>
    public SipEndPoint? OutboundProxy { get; init; }

    /// <summary>The outbound proxy's URI, put in a Route header (with ;lr) when set.</summary>
    public string? OutboundProxyUri { get; init; }

    /// <summary>The Contact URI to bind, e.g. <c>sip:alice@192.0.2.1:5060</c>.</summary>
    public required string ContactUri { get; init; }

    /// <summary>The instance URN for <c>+sip.instance</c> (RFC 5626 §4.1), e.g. <c>urn:uuid:…</c>; null leaves it out.</summary>
    public string? InstanceId { get; init; }

    /// <summary>The reg-id (RFC 5626 §4.2) sent with the instance; null leaves it out.</summary>
    public int? RegId { get; init; }

    /// <summary>The expiry asked for; the registrar may grant less (or demand more with 423).</summary>
    public TimeSpan RequestedExpiry { get; init; } = TimeSpan.FromSeconds(3600);

    /// <summary>A refresh goes out at the earlier of half the granted expiry and the expiry minus this margin.</summary>
    public TimeSpan RefreshMargin { get; init; } = TimeSpan.FromSeconds(32);

    /// <summary>How long to wait for the unregister's final response when stopping.</summary>
    public TimeSpan UnregisterTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Retry waits after failures.</summary>
    public RegistrationBackoff Backoff { get; init; } = RegistrationBackoff.Default;

    /// <summary>
    /// Retry waits after the registrar refused the credentials or the user (401/407 answered and challenged again,
    /// 403, 404): retrying soon cannot help, so this is usually much longer than <see cref="Backoff"/>. Null uses
    /// <see cref="Backoff"/>.
    /// </summary>
    public RegistrationBackoff? RefusedBackoff { get; init; }

    /// <summary>
    /// After every successful REGISTER that was challenged, compute (with the card, while it is still there) the
    /// credentials for the unregister from the same nonce, so <see cref="RegistrationClient.StopAsync"/> can remove the
    /// binding after the card has been pulled. They are only useful while the registrar still accepts that nonce.
    /// </summary>
    public bool PrepareUnregister { get; init; }

    /// <summary>
    /// Interval of RFC 5626 §4.4.1 CRLF keep-alives to the next hop while registered
    /// (double CRLF ping; the single CRLF pong is ignored); null (the default) sends none.
    /// </summary>
    public TimeSpan? KeepAliveInterval { get; init; }

    /// <summary>The User-Agent header; null leaves it out.</summary>
    public string? UserAgent { get; init; } = "Gateway.Sip";

    /// <summary>The next hop every REGISTER goes to.</summary>
    public SipEndPoint NextHop => OutboundProxy ?? Registrar;
}
