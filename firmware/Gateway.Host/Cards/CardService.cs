using System.Text.Json.Nodes;
using Gateway.Host.Board;
using Gateway.Host.Options;
using Gateway.Host.Sip;
using Gateway.SmartCard;
using Gateway.SmartCard.PcscLite;
using Gateway.Telephony.Events;
using Microsoft.Extensions.Options;

namespace Gateway.Host.Cards;

/// <summary>
/// Watches the PC/SC readers for the life of the host and hands each reader's insertions and removals to the
/// station the board file binds it to. pcscd being absent or restarting is reported (<c>card.service</c>) and
/// retried with backoff; it never stops the gateway.
/// </summary>
public sealed partial class CardService : BackgroundService
{
    private readonly GatewayRuntime _runtime;
    private readonly CardOptions _options;
    private readonly IEventPublisher _events;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<CardService> _logger;
    private readonly GatewaySip? _sip;
    private readonly HashSet<string> _unboundReported = new(StringComparer.Ordinal);
    private bool? _available;

    /// <summary>Initializes a new instance of the <see cref="CardService"/> class.</summary>
    /// <param name="runtime">The running gateway (its stations and their readers).</param>
    /// <param name="options">Gateway options; <c>Gateway:Cards</c> is used.</param>
    /// <param name="events">Where card events go.</param>
    /// <param name="loggerFactory">Loggers.</param>
    /// <param name="sip">The SIP stack whose accounts accepted cards join; null without SIP.</param>
    public CardService(GatewayRuntime runtime, IOptions<GatewayOptions> options, IEventPublisher events, ILoggerFactory loggerFactory, GatewaySip? sip = null)
    {
        _sip = sip;
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _runtime = runtime ?? throw new ArgumentNullException(nameof(runtime));
        _options = options.Value.Cards;
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<CardService>();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_options.Enabled)
        {
            LogDisabled();
            return;
        }

        _runtime.Cards.Set(new CardServiceSnapshot(true, null, null));
        var readers = BuildReaders();
        try
        {
            // Let the host finish starting before the monitor thread and its first PC/SC calls.
            await Task.Yield();
            if (!PcscLibraryPresent())
            {
                return;
            }

            await using var monitor = new PcscReaderMonitor(
                new PcscReaderMonitorOptions { TimeProvider = _runtime.TimeProvider },
                _loggerFactory.CreateLogger<PcscReaderMonitor>());
            monitor.Start();
            LogWatching(readers.Count);
            try
            {
                await foreach (var readerEvent in monitor.Events.ReadAllAsync(stoppingToken))
                {
                    await HandleAsync(readerEvent, readers, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                // Normal shutdown.
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The gateway is a telephone first: a card failure must not stop the host.
            LogFailed(ex);
            _runtime.Cards.Set(new CardServiceSnapshot(true, false, "card service failed: " + ex.Message));
        }
        finally
        {
            foreach (var reader in readers.Values)
            {
                await reader.OnRemovedAsync();
            }

            // Shutdown: every unregister and session wipe finishes before the SIP stack stops.
            await Task.WhenAll(readers.Values.Select(r => r.DrainAsync()));
        }
    }

    private Dictionary<string, StationCardReader> BuildReaders()
    {
        var factory = new CardSessionFactory(
            new CardSessionOptions { AllowStorageCards = _options.AllowStorageCards, TimeProvider = _runtime.TimeProvider },
            _loggerFactory.CreateLogger<CardSessionFactory>());
        var timeout = TimeSpan.FromSeconds(_options.PinTimeoutSeconds);
        var readers = new Dictionary<string, StationCardReader>(StringComparer.Ordinal);
        foreach (var station in _runtime.Board.Stations)
        {
            foreach (var reader in station.Snapshot().Readers.Select(r => r.Name))
            {
                readers.TryAdd(reader, new StationCardReader(reader, station, factory, _events, _runtime.TimeProvider, timeout, _logger, _sip));
            }
        }

        return readers;
    }

    private async Task HandleAsync(ReaderEvent readerEvent, Dictionary<string, StationCardReader> readers, CancellationToken stoppingToken)
    {
        switch (readerEvent.Kind)
        {
            case ReaderEventKind.ServiceAvailable:
                SetAvailable(true, null);
                return;
            case ReaderEventKind.ServiceLost:
                SetAvailable(false, readerEvent.Detail);
                return;
            case ReaderEventKind.ReaderAdded or ReaderEventKind.CardInserted or ReaderEventKind.CardRemoved
                when readerEvent.ReaderName is { } name && !readers.ContainsKey(name):
                if (_unboundReported.Add(name))
                {
                    LogUnboundReader(name);
                }

                return;
            case ReaderEventKind.CardInserted:
                var inserted = readers[readerEvent.ReaderName!];
                await inserted.OnRemovedAsync();
                inserted.OnInserted(stoppingToken);
                return;
            case ReaderEventKind.CardRemoved:
                await readers[readerEvent.ReaderName!].OnRemovedAsync();
                return;
            default:
                return;
        }
    }

    private void SetAvailable(bool available, string? detail)
    {
        if (_available == available)
        {
            return;
        }

        _available = available;
        _runtime.Cards.Set(new CardServiceSnapshot(true, available, available ? null : detail ?? "unknown"));
        if (available)
        {
            LogAvailable();
        }
        else
        {
            LogUnavailable(detail ?? "unknown");
        }

        _events.Publish(new GatewayEvent("card.service", null, _runtime.TimeProvider.GetUtcNow(), new JsonObject { ["available"] = available }));
    }

    private bool PcscLibraryPresent()
    {
        try
        {
            using var probe = PcscContext.Establish();
        }
        catch (PcscException)
        {
            // The library is there; the daemon is not (yet). The monitor retries.
        }
        catch (DllNotFoundException ex)
        {
            LogNoLibrary(ex.Message);
            SetAvailable(false, "no PC/SC library");
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Smart cards disabled (Gateway:Cards:Enabled=false)")]
    private partial void LogDisabled();

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {Count} card reader(s) bound to stations")]
    private partial void LogWatching(int count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Card service available: pcscd reachable")]
    private partial void LogAvailable();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Card service unavailable ({Detail}); retrying with backoff")]
    private partial void LogUnavailable(string detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reader {Reader} is bound to no station; ignoring it")]
    private partial void LogUnboundReader(string reader);

    [LoggerMessage(Level = LogLevel.Error, Message = "No PC/SC library ({Problem}); smart cards are off until pcsc-lite is installed")]
    private partial void LogNoLibrary(string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Card service failed; cards are off until the gateway restarts")]
    private partial void LogFailed(Exception exception);
}
