using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Calls;

namespace Gateway.Host.Sip;

/// <summary>
/// What the rest of the host uses of the running SIP stack: the card accounts and the call placer. Empty until
/// <see cref="SipService"/> has started, and stays empty when SIP is off or could not bind.
/// </summary>
public sealed class GatewaySip
{
    private volatile SipParts? _parts;

    /// <summary>Gets the card accounts, or null without a running stack.</summary>
    public AccountService? Accounts => _parts?.Accounts;

    /// <summary>Gets the placer of the stations' calls, or null without a running stack.</summary>
    public IOutboundCallPlacer? CallPlacer => _parts?.CallPlacer;

    /// <summary>Gets the UA, or null without a running stack.</summary>
    public SipUserAgent? UserAgent => _parts?.UserAgent;

    /// <summary>Gets the host:port of the box's Contacts, or null without a running stack.</summary>
    public string? ContactHostPort => _parts?.ContactHostPort;

    /// <summary>Gets why the stack is not running (disabled, bind failure), or null when it is.</summary>
    public string? Problem { get; private set; } = "not started";

    internal void Set(SipParts parts)
    {
        _parts = parts;
        Problem = null;
    }

    internal void Clear(string problem)
    {
        _parts = null;
        Problem = problem;
    }

    /// <summary>The running stack's parts.</summary>
    /// <param name="Accounts">The card accounts.</param>
    /// <param name="CallPlacer">The call placer.</param>
    /// <param name="UserAgent">The UA.</param>
    /// <param name="ContactHostPort">Where the box is reached.</param>
    internal sealed record SipParts(AccountService Accounts, IOutboundCallPlacer CallPlacer, SipUserAgent UserAgent, string ContactHostPort);
}
