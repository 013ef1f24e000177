using Gateway.Sip.Message;
using Gateway.Sip.Uris;
using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Telephony.Calls;

/// <summary>
/// Routes each new INVITE to exactly one account: the Request-URI's user part is the Contact user the box
/// registered for that card, which names one account and so one station. Nothing is broadcast: an unknown user,
/// an account whose card came out (even a moment ago) or a station that is gone gets 480 Temporarily Unavailable,
/// so the network server tries the user's other phones or the AWAY destination.
/// </summary>
public sealed partial class IncomingCallRouter : IIncomingCallHandler
{
    /// <summary>The answer when no account or station takes the call (RFC 3261 §21.4.18).</summary>
    public const int Unavailable = 480;

    private readonly AccountDirectory _directory;
    private readonly Func<string, IInboundCallTarget?> _findStation;
    private readonly ILogger _logger;

    /// <summary>Creates the router.</summary>
    /// <param name="directory">The accounts present now.</param>
    /// <param name="findStation">Finds the call target of a station id; null when the station cannot take calls.</param>
    /// <param name="logger">Logs what was routed where (Contact user, station; never a secret).</param>
    public IncomingCallRouter(AccountDirectory directory, Func<string, IInboundCallTarget?> findStation, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(findStation);
        _directory = directory;
        _findStation = findStation;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc/>
    public void OnIncomingCall(SipIncomingCall incomingCall)
    {
        ArgumentNullException.ThrowIfNull(incomingCall);
        var user = RequestUser(incomingCall.Request);
        var account = user is null ? null : _directory.FindByContactUser(user);
        if (account is null || account.IsWiped)
        {
            LogNoAccount(incomingCall.CallId, user ?? "(none)");
            incomingCall.Reject(Unavailable);
            return;
        }

        var target = _findStation(account.StationId);
        if (target is null)
        {
            LogNoStation(incomingCall.CallId, account.StationId);
            incomingCall.Reject(Unavailable);
            return;
        }

        LogRouted(incomingCall.CallId, account.Reader, target.Id);
        target.OfferCall(incomingCall, account);
    }

    private static string? RequestUser(SipRequest request)
    {
        try
        {
            return request.RequestUri is SipUri { HasUser: true } uri ? uri.UnescapedUser : null;
        }
        catch (SipParseException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} for '{User}': no such account here (card removed or never inserted); 480")]
    private partial void LogNoAccount(string callId, string user);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallId}: station {Station} takes no calls; 480")]
    private partial void LogNoStation(string callId, string station);

    [LoggerMessage(Level = LogLevel.Information, Message = "Call {CallId} for the card in {Reader} offered to station {Station}")]
    private partial void LogRouted(string callId, string reader, string station);
}
