using Gateway.Sip.Registration;
using Gateway.SmartCard;
using Gateway.Telephony.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Telephony.Accounts;

/// <summary>
/// The accounts of the inserted cards for their whole life: accepted card → account in the <see cref="Directory"/>
/// and registered (Contact <c>sip:{ContactUser}@{box}</c> with the reader's own <c>+sip.instance</c>) with the card's
/// registrar or the configured one; card removed → out of the directory at once (a call arriving now gets 480), that
/// binding unregistered (bounded wait), wiped. The same user's cards in two readers are two bindings of one AOR, so a
/// call to the user forks to both stations and removing one card leaves the other registered.
/// </summary>
public sealed partial class AccountService : IAsyncDisposable
{
    private readonly RegistrationSet _registrations;
    private readonly AccountRegistrarOptions _options;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<FollowMeAccount, AccountRegistration> _byAccount = [];

    /// <summary>Creates the service.</summary>
    /// <param name="directory">The directory the incoming-call router reads; the service fills it.</param>
    /// <param name="registrations">The SIP stack's registrations.</param>
    /// <param name="options">Defaults and timings.</param>
    /// <param name="events">Where registration events go.</param>
    /// <param name="time">The clock of the events and the status.</param>
    /// <param name="logger">Logs setup failures.</param>
    public AccountService(AccountDirectory directory, RegistrationSet registrations, AccountRegistrarOptions options, IEventPublisher events, TimeProvider time, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(registrations);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(time);
        Directory = directory;
        _registrations = registrations;
        _options = options;
        _events = events;
        _time = time;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Gets the accounts present now.</summary>
    public AccountDirectory Directory { get; }

    /// <summary>Creates, lists and registers the account of a card just accepted.</summary>
    /// <param name="session">The live card session (the caller disposes it after <see cref="RemoveAsync"/>).</param>
    /// <param name="reader">The reader.</param>
    /// <param name="stationId">The reader's station.</param>
    /// <param name="display">Shows two lines on the station's display; null for none.</param>
    /// <returns>The account.</returns>
    public FollowMeAccount Accept(CardSession session, string reader, string stationId, Action<IReadOnlyList<string>>? display)
    {
        var account = FollowMeAccountFactory.Create(session, reader, stationId);
        Add(account, display);
        return account;
    }

    /// <summary>Lists and registers an account.</summary>
    /// <param name="account">The account.</param>
    /// <param name="display">Shows two lines on the station's display; null for none.</param>
    /// <exception cref="InvalidOperationException">Its reader already holds an account.</exception>
    public void Add(FollowMeAccount account, Action<IReadOnlyList<string>>? display)
    {
        ArgumentNullException.ThrowIfNull(account);
        var (registrar, proxy) = Servers(account.Profile);
        var registration = new AccountRegistration(account, registrar?.Uri ?? string.Empty, _events, _time, display);
        Directory.Add(account);
        lock (_gate)
        {
            _byAccount[account] = registration;
        }

        if (registrar is null)
        {
            LogNoRegistrar(account.Reader);
            registration.OnSetupFailed("no registrar: the card names none this box can reach and none is configured");
            return;
        }

        var options = new RegistrationOptions
        {
            Aor = account.Aor,
            RegistrarUri = registrar.Uri,
            Registrar = registrar.EndPoint,
            OutboundProxy = proxy?.EndPoint,
            OutboundProxyUri = proxy?.Uri,
            ContactUri = $"sip:{account.ContactUser}@{_options.ContactHostPort}",
            InstanceId = ContactInstance.For(_options.InstanceBox ?? _options.ContactHostPort, account.StationId, account.Reader),
            RequestedExpiry = _options.RequestedExpiry,
            Backoff = _options.Backoff,
            RefusedBackoff = _options.RefusedBackoff,
            UnregisterTimeout = _options.UnregisterTimeout,
            UserAgent = _options.UserAgent,
            PrepareUnregister = true,
        };
        try
        {
            registration.Client = _registrations.Add(options, account.Authenticator, (_, status) => registration.OnStatus(status));
        }
        catch (InvalidOperationException ex)
        {
            // Cannot happen with a fresh random Contact user; kept so a collision shows as "No service", not a crash.
            LogAlreadyRegistered(account.Reader, ex.Message);
            registration.OnSetupFailed("the account is already registered at this box");
        }
    }

    /// <summary>
    /// The card in <paramref name="reader"/> came out: the account leaves the directory at once, its binding is
    /// removed (Expires: 0, waiting at most the unregister timeout), then it is wiped.
    /// </summary>
    /// <param name="reader">The reader.</param>
    /// <param name="ct">Stops waiting for the unregister early.</param>
    /// <returns>False when the reader held no account.</returns>
    public async Task<bool> RemoveAsync(string reader, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var account = Directory.FindByReader(reader);
        if (account is null || !Directory.Remove(account))
        {
            return false;
        }

        AccountRegistration? registration;
        lock (_gate)
        {
            _byAccount.Remove(account, out registration);
        }

        try
        {
            registration?.MarkRemoved();
            if (registration?.Client is { } client)
            {
                // Only this card's binding: the same user's card in another reader keeps its own.
                await _registrations.RemoveAsync(client, ct);
            }
        }
        catch (OperationCanceledException)
        {
            LogUnregisterAbandoned(reader);
        }
        finally
        {
            account.Wipe();
        }

        return true;
    }

    /// <summary>The accounts of a station with their registrations, for the status API.</summary>
    /// <param name="stationId">The station.</param>
    /// <returns>Public fields only.</returns>
    public IReadOnlyList<AccountSnapshot> Snapshot(string stationId)
    {
        var accounts = Directory.ForStation(stationId);
        var list = new List<AccountSnapshot>(accounts.Count);
        foreach (var account in accounts)
        {
            AccountRegistration? registration;
            lock (_gate)
            {
                registration = _byAccount.GetValueOrDefault(account);
            }

            list.Add(new AccountSnapshot(account.Reader, account.DisplayName, account.FollowMeNumber, registration?.Snapshot()));
        }

        return list;
    }

    /// <summary>The registration of an account, or null (none started, or removed).</summary>
    /// <param name="account">The account.</param>
    /// <returns>The client.</returns>
    public RegistrationClient? FindRegistration(FollowMeAccount account)
    {
        lock (_gate)
        {
            return _byAccount.GetValueOrDefault(account)?.Client;
        }
    }

    /// <summary>Removes every account (shutdown), unregistering them in parallel.</summary>
    /// <returns>Completes when all are wiped.</returns>
    public async ValueTask DisposeAsync()
    {
        FollowMeAccount[] all;
        lock (_gate)
        {
            all = [.. _byAccount.Keys];
        }

        await Task.WhenAll(all.Select(a => RemoveAsync(a.Reader)));
    }

    private (SipServerAddress? Registrar, SipServerAddress? Proxy) Servers(Gateway.SmartCard.AccountProfile profile)
    {
        // The card's servers first (they belong to the user's provider), then the box's configuration.
        var registrar = Parse(profile.RegistrarPrimary) ?? Parse(profile.RegistrarSecondary) ?? _options.DefaultRegistrar;
        var proxy = Parse(profile.OutboundProxyPrimary) ?? Parse(profile.OutboundProxySecondary) ?? _options.DefaultOutboundProxy;
        return (registrar, proxy);
    }

    private SipServerAddress? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        if (SipServerAddress.TryParse(text, out var address))
        {
            return address;
        }

        LogUnusableServer(text);
        return null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card in {Reader}: no registrar on the card or in Gateway:Sip; the account stays unregistered")]
    private partial void LogNoRegistrar(string reader);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card in {Reader}: {Problem}")]
    private partial void LogAlreadyRegistered(string reader, string problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card names server '{Server}', which is not sip:IP[:port]; ignoring it (no DNS here)")]
    private partial void LogUnusableServer(string server);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card in {Reader}: gave up waiting for the unregister")]
    private partial void LogUnregisterAbandoned(string reader);
}
