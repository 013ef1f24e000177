using System.Buffers;
using System.Text;
using Gateway.Sip.Dialogs;
using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;

namespace Gateway.Telephony.Calls;

/// <summary>
/// Places a station's calls through the network server: <c>sip:{dialled}@{domain}</c> via the UA's outbound proxy,
/// as the card's user (From = the user's AOR, digest answered by the card, so the user is billed) or, without a
/// card, as the box itself. Every call carries <c>X-Gateway-Device</c> for the box's surcharge; emergency numbers
/// also carry the box's location. Which numbers a station may dial without a card is the station's decision.
/// </summary>
public sealed class SipOutboundCallPlacer : IOutboundCallPlacer
{
    /// <summary>The longest dial string sent.</summary>
    public const int MaxDialledLength = 32;

    private const string DeviceHeader = "X-Gateway-Device";
    private static readonly SearchValues<char> s_dialChars = SearchValues.Create("0123456789*#+");

    private readonly SipUserAgent _agent;
    private readonly OutboundCallOptions _options;

    /// <summary>Creates the placer.</summary>
    /// <param name="agent">The box's UA.</param>
    /// <param name="options">Domain, device id, box identity, emergency settings.</param>
    public SipOutboundCallPlacer(SipUserAgent agent, OutboundCallOptions options)
    {
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Domain);
        ArgumentException.ThrowIfNullOrEmpty(options.DeviceId);
        _agent = agent;
        _options = options;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentException">The dial string is empty, too long or has other characters than 0-9 * # +.</exception>
    /// <exception cref="InvalidOperationException">The account's card has been removed.</exception>
    public SipOutgoingCall Place(string stationId, string dialled, FollowMeAccount? account, string offerSdp)
    {
        ArgumentException.ThrowIfNullOrEmpty(stationId);
        ArgumentNullException.ThrowIfNull(dialled);
        ArgumentNullException.ThrowIfNull(offerSdp);
        if (dialled.Length is 0 or > MaxDialledLength || dialled.AsSpan().IndexOfAnyExcept(s_dialChars) >= 0)
        {
            throw new ArgumentException($"'{dialled}' is not a dial string of 1-{MaxDialledLength} of 0-9 * # +", nameof(dialled));
        }

        if (account is { IsWiped: true })
        {
            throw new InvalidOperationException("the account's card has been removed");
        }

        var headers = new List<KeyValuePair<string, string>> { new(DeviceHeader, _options.DeviceId) };
        if (_options.EmergencyNumbers.Contains(dialled))
        {
            headers.AddRange(_options.EmergencyHeaders);
        }

        var identity = account is not null
            ? new SipCallOptions
            {
                FromUri = account.Aor,
                DisplayName = account.DisplayName,
                ContactUser = account.ContactUser,
                Authenticator = account.Authenticator,
                Headers = headers,
            }
            : new SipCallOptions
            {
                FromUri = _options.BoxAor,
                DisplayName = _options.BoxDisplayName,
                Authenticator = _options.BoxAuthenticator,
                Headers = headers,
            };

        // '#' is not allowed unescaped in a SIP user part (RFC 3261 §25.1).
        var user = dialled.Replace("#", "%23", StringComparison.Ordinal);
        var body = offerSdp.Length == 0 ? null : new SipBodyContent(Encoding.UTF8.GetBytes(offerSdp), "application/sdp");
        return _agent.Call($"sip:{user}@{_options.Domain}", body, identity);
    }
}
