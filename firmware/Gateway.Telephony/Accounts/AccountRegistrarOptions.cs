using Gateway.Sip.Registration;

namespace Gateway.Telephony.Accounts;

/// <summary>How the box registers the accounts of inserted cards: defaults for what the card does not say, and timings.</summary>
public sealed record AccountRegistrarOptions
{
    /// <summary>The host:port of every account's Contact, e.g. <c>127.0.0.1:5062</c> (the SIP stack's address).</summary>
    public required string ContactHostPort { get; init; }

    /// <summary>
    /// What identifies this box in every Contact's <c>+sip.instance</c> (see <see cref="ContactInstance"/>); null uses
    /// <see cref="ContactHostPort"/>.
    /// </summary>
    public string? InstanceBox { get; init; }

    /// <summary>The registrar when the card names none (or none this stack can reach).</summary>
    public SipServerAddress? DefaultRegistrar { get; init; }

    /// <summary>The outbound proxy when the card names none; null sends REGISTERs straight to the registrar.</summary>
    public SipServerAddress? DefaultOutboundProxy { get; init; }

    /// <summary>The expiry asked for.</summary>
    public TimeSpan RequestedExpiry { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>Retry waits while the registrar is unreachable or failing.</summary>
    public RegistrationBackoff Backoff { get; init; } = RegistrationBackoff.Default;

    /// <summary>Retry waits after the registrar refused the card's user or credentials.</summary>
    public RegistrationBackoff RefusedBackoff { get; init; } = new() { Base = TimeSpan.FromMinutes(10), Max = TimeSpan.FromHours(1) };

    /// <summary>The longest the card removal waits for the unregister's answer.</summary>
    public TimeSpan UnregisterTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>The User-Agent header.</summary>
    public string UserAgent { get; init; } = "Gateway";
}
