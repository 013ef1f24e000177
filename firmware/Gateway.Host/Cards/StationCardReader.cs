using System.Text.Json.Nodes;
using Gateway.Host.Sip;
using Gateway.SmartCard;
using Gateway.SmartCard.PcscLite;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Events;
using Gateway.Telephony.Stations;

namespace Gateway.Host.Cards;

/// <summary>
/// One reader bound to one station: turns insertion into a card session (with the PIN typed on the station's
/// keypad), shows the outcome on the station, and on removal wipes the session and returns the station to idle.
/// </summary>
/// <remarks>
/// <see cref="OnInserted"/> and <see cref="OnRemovedAsync"/> are called in order by one loop; the session setup runs
/// beside it and is always awaited before the next change, so the reader's state has a single owner at a time.
/// Events and logs carry the reader, reason and public account fields only, never the PIN or a digest secret.
/// </remarks>
internal sealed class StationCardReader
{
    private readonly Station _station;
    private readonly CardSessionFactory _factory;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _timeProvider;
    private readonly TimeSpan _pinTimeout;
    private readonly ILogger _logger;
    private readonly GatewaySip? _sip;
    private CancellationTokenSource? _setup;
    private Task<Accepted?>? _setupTask;
    private Task _wipe = Task.CompletedTask;

    public StationCardReader(string reader, Station station, CardSessionFactory factory, IEventPublisher events, TimeProvider timeProvider, TimeSpan pinTimeout, ILogger logger, GatewaySip? sip = null)
    {
        Reader = reader;
        _sip = sip;
        _station = station;
        _factory = factory;
        _events = events;
        _timeProvider = timeProvider;
        _pinTimeout = pinTimeout;
        _logger = logger;
    }

    public string Reader { get; }

    public string StationId => _station.Id;

    public void OnInserted(CancellationToken stopping)
    {
        _station.SetCardPresent(Reader, true);
        Publish("card.inserted");
        _logger.LogInformation("Card inserted in {Reader} (station {Station})", Reader, StationId);
        _setup = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var token = _setup.Token;
        _setupTask = Task.Run(() => SetUpAsync(token), CancellationToken.None);
    }

    public async Task OnRemovedAsync()
    {
        if (_setup is null || _setupTask is null)
        {
            return;
        }

        await _setup.CancelAsync();
        var accepted = await _setupTask;
        _setup.Dispose();
        _setup = null;
        _setupTask = null;

        // The account leaves the directory before anything is awaited, so a call arriving from now on gets 480.
        if (accepted?.Account is not null)
        {
            _station.SetAccount(Reader, null);
        }

        var unregister = accepted?.Account is not null && _sip?.Accounts is { } accounts ? accounts.RemoveAsync(Reader) : Task.FromResult(false);
        _station.SetCardPresent(Reader, false);
        Publish("card.removed");
        _station.ShowIdle();
        _logger.LogInformation("Card removed from {Reader} (station {Station})", Reader, StationId);

        // The unregister (bounded by Gateway:Sip:UnregisterTimeoutMs) runs beside the reader loop; the session is
        // disposed after it, since a storage card's digest is computed from the session's HA1.
        var previous = _wipe;
        _wipe = WipeAfterAsync(previous, unregister, accepted);
    }

    /// <summary>Waits for the unregisters and session wipes still running (shutdown).</summary>
    public Task DrainAsync() => _wipe;

    private async Task WipeAfterAsync(Task previous, Task<bool> unregister, Accepted? accepted)
    {
        try
        {
            await previous;
            await unregister;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Unregistering the card of {Reader} failed", Reader);
        }
        finally
        {
            // Dispose wipes the record and any secret, then releases the card and the PC/SC context.
            accepted?.Session.Dispose();
            accepted?.Context.Dispose();
            if (accepted is not null)
            {
                _logger.LogInformation("Card session of {Reader} wiped", Reader);
            }
        }
    }

    private async Task<Accepted?> SetUpAsync(CancellationToken ct)
    {
        PcscContext? context = null;
        PcscCardTransceiver? transceiver = null;
        try
        {
            // A context per card: the reader's setup never shares PC/SC state with the other readers' threads.
            context = PcscContext.Establish();
            (var result, transceiver) = await new PcscCardSetup(_timeProvider, _logger)
                .RunAsync(context, Reader, (t, token) => _factory.CreateAsync(t, Reader, AskPinAsync, token), ct, r => r.RejectionReason == CardRejectionReasons.Removed);
            if (result.Session is { } session)
            {
                transceiver = null;
                var transceiverContext = context;
                context = null;
                Ready(session);
                var account = Register(session);
                return new Accepted(session, transceiverContext, account);
            }

            Reject(result.RejectionReason ?? CardRejectionReasons.CardError, result.PinTriesLeft, ct);
            return null;
        }
        catch (Exception ex) when (ex is CardRemovedException or OperationCanceledException)
        {
            // Pulled during setup: the removal that follows says everything.
            return null;
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Could not read the card in {Reader} (station {Station})", Reader, StationId);
            Reject(CardRejectionReasons.CardError, null, ct);
            return null;
        }
        finally
        {
            transceiver?.Dispose();
            context?.Dispose();
        }
    }

    private async ValueTask<string?> AskPinAsync(int triesLeft, CancellationToken ct)
    {
        Publish("card.pin", new JsonObject { ["triesLeft"] = triesLeft });
        var pin = await new PinPrompt(_station, _timeProvider, _pinTimeout).AskAsync(ct);
        if (pin is null)
        {
            _logger.LogInformation("PIN entry timed out at station {Station}", StationId);
        }

        return pin;
    }

    private void Ready(CardSession session)
    {
        var user = session.DisplayName;
        var number = session.FollowMeNumber;
        _station.SetCardAccount(Reader, user, number);
        _station.ShowDisplay([user, number]);
        Publish("card.ready", new JsonObject { ["user"] = user, ["number"] = number });
        _logger.LogInformation("Card in {Reader} accepted at station {Station}", Reader, StationId);
    }

    private void Reject(string reason, int? triesLeft, CancellationToken ct)
    {
        if (ct.IsCancellationRequested || reason == CardRejectionReasons.Removed)
        {
            return;
        }

        var data = new JsonObject { ["reason"] = reason };
        if (triesLeft is { } tries)
        {
            data["triesLeft"] = tries;
        }

        Publish("card.rejected", data);
        _station.ShowDisplay(CardMessages.ForRejection(reason, triesLeft, _station.Devices.Display?.Columns ?? int.MaxValue));
        _logger.LogInformation("Card in {Reader} refused at station {Station}: {Reason}", Reader, StationId, reason);
    }

    private void Publish(string type, JsonObject? data = null)
    {
        data ??= [];
        data.Insert(0, "reader", Reader);
        _events.Publish(new GatewayEvent(type, StationId, _timeProvider.GetUtcNow(), data));
    }

    private FollowMeAccount? Register(CardSession session)
    {
        if (_sip?.Accounts is not { } accounts)
        {
            return null;
        }

        try
        {
            var account = accounts.Accept(session, Reader, StationId, _station.ShowDisplay);
            _station.SetAccount(Reader, account);
            return account;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            _logger.LogWarning(ex, "The card in {Reader} could not be registered", Reader);
            return null;
        }
    }

    private sealed record Accepted(CardSession Session, PcscContext Context, FollowMeAccount? Account);
}
