using System.ComponentModel.DataAnnotations;

namespace Gateway.Host.Options;

/// <summary>SIP settings: the <c>Gateway:Sip</c> section. Cross-field rules are in <see cref="SipOptionsRule"/>.</summary>
public sealed class SipOptions
{
    /// <summary>Gets or sets whether the gateway runs its SIP stack (registrations and calls).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Gets or sets the IP address the SIP socket binds to.</summary>
    [Required(AllowEmptyStrings = false)]
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the UDP port (0 picks a free one, which registrations then advertise).</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5060;

    /// <summary>Gets or sets the address put in Contacts; defaults to <see cref="BindAddress"/>, required when that is 0.0.0.0 or ::.</summary>
    public string? ContactHost { get; set; }

    /// <summary>Gets or sets the registrar used when a card names none: <c>sip:IP[:port]</c> or <c>IP[:port]</c>.</summary>
    public string? Registrar { get; set; }

    /// <summary>Gets or sets the outbound proxy for every out-of-dialog request; defaults to the registrar.</summary>
    public string? OutboundProxy { get; set; }

    /// <summary>Gets or sets the host[:port] of dialled targets (<c>sip:{number}@{Domain}</c>); defaults to the registrar's.</summary>
    public string? Domain { get; set; }

    /// <summary>
    /// Gets or sets the registration expiry asked for. Short on purpose: the unregister after a card is pulled uses
    /// credentials prepared with the last nonce, which the network server accepts for a limited time (Kamailio's
    /// nonce_expire, 300 s by default), and each refresh (at half the expiry) renews them.
    /// </summary>
    [Range(60, 86400)]
    public int RegistrationExpirySeconds { get; set; } = 480;

    /// <summary>Gets or sets the first retry wait while the registrar is unreachable or failing.</summary>
    [Range(1, 3600)]
    public int RetryBaseSeconds { get; set; } = 30;

    /// <summary>Gets or sets the longest retry wait while the registrar is unreachable or failing.</summary>
    [Range(1, 86400)]
    public int RetryMaxSeconds { get; set; } = 1800;

    /// <summary>Gets or sets the first retry wait after the registrar refused the card (401/403/404).</summary>
    [Range(10, 86400)]
    public int RefusedRetryBaseSeconds { get; set; } = 600;

    /// <summary>Gets or sets how long a card removal waits for the unregister's answer.</summary>
    [Range(100, 30000)]
    public int UnregisterTimeoutMs { get; set; } = 2000;

    /// <summary>Gets or sets RFC 3261 T1 (the retransmission base; 64×T1 is the transaction timeout).</summary>
    [Range(50, 5000)]
    public int T1Ms { get; set; } = 500;

    /// <summary>Gets or sets the box's own digest user for calls without a card (emergency, free numbers); optional.</summary>
    public string? BoxUser { get; set; }

    /// <summary>Gets or sets the box's own digest password; given with <see cref="BoxUser"/> or not at all. Never logged.</summary>
    public string? BoxPassword { get; set; }
}
