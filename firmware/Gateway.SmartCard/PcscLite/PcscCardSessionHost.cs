using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// Wires <see cref="PcscReaderMonitor"/>, <see cref="PcscCardTransceiver"/> and <see cref="CardSessionFactory"/>:
/// a card inserted in any reader becomes a <see cref="CardSession"/> (or a rejection), and removing it ends and wipes
/// the session. This is the one object a station needs.
/// </summary>
public sealed class PcscCardSessionHost : IAsyncDisposable
{
    private readonly CardSessionFactory _factory;
    private readonly Func<int, CancellationToken, ValueTask<string?>> _pinProvider;
    private readonly PcscReaderMonitor _monitor;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Channel<CardSessionEvent> _events = Channel.CreateUnbounded<CardSessionEvent>();
    private readonly Dictionary<string, (CancellationTokenSource Setup, Task<CardSession?> Task)> _readers = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private PcscContext? _context;
    private Task? _loop;

    /// <summary>Creates the host; call <see cref="Start"/>.</summary>
    /// <param name="factory">Session policy.</param>
    /// <param name="pinProvider">The keypad: asked with the tries left, returns the PIN or null to cancel.</param>
    /// <param name="monitorOptions">Monitor timing.</param>
    /// <param name="loggerFactory">Logging.</param>
    public PcscCardSessionHost(
        CardSessionFactory factory,
        Func<int, CancellationToken, ValueTask<string?>> pinProvider,
        PcscReaderMonitorOptions? monitorOptions = null,
        ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(pinProvider);
        _factory = factory;
        _pinProvider = pinProvider;
        monitorOptions ??= new PcscReaderMonitorOptions();
        _timeProvider = monitorOptions.TimeProvider;
        loggerFactory ??= NullLoggerFactory.Instance;
        _logger = loggerFactory.CreateLogger<PcscCardSessionHost>();
        _monitor = new PcscReaderMonitor(monitorOptions, loggerFactory.CreateLogger<PcscReaderMonitor>());
    }

    /// <summary>Session events; completes after disposal.</summary>
    public ChannelReader<CardSessionEvent> Events => _events.Reader;

    /// <summary>True while pcscd is reachable (for the station's status display).</summary>
    public bool ServiceAvailable { get; private set; }

    /// <summary>Starts monitoring.</summary>
    public void Start()
    {
        _monitor.Start();
        _loop = Task.Run(() => RunAsync(_stop.Token));
    }

    /// <summary>Stops monitoring and ends every live session.</summary>
    /// <returns>Completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        await _monitor.DisposeAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        await _stop.CancelAsync();
        foreach (var reader in _readers.Keys.ToList())
        {
            await EndAsync(reader);
        }

        _context?.Dispose();
        _stop.Dispose();
        _events.Writer.TryComplete();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        await foreach (var e in _monitor.Events.ReadAllAsync(CancellationToken.None))
        {
            switch (e.Kind)
            {
                case ReaderEventKind.CardInserted when e.ReaderName is not null:
                    await EndAsync(e.ReaderName);
                    var setup = CancellationTokenSource.CreateLinkedTokenSource(ct);
                    _readers[e.ReaderName] = (setup, SetUpAsync(e.ReaderName, setup.Token));
                    break;
                case ReaderEventKind.CardRemoved when e.ReaderName is not null:
                    await EndAsync(e.ReaderName);
                    break;
                case ReaderEventKind.ServiceLost:
                    ServiceAvailable = false;
                    _context?.Dispose();
                    _context = null;
                    break;
                case ReaderEventKind.ServiceAvailable:
                    ServiceAvailable = true;
                    break;
                default:
                    break;
            }
        }
    }

    private async Task<CardSession?> SetUpAsync(string reader, CancellationToken ct)
    {
        PcscCardTransceiver? transceiver = null;
        try
        {
            _context ??= PcscContext.Establish();
            transceiver = PcscCardTransceiver.Connect(_context, reader);
            var result = await _factory.CreateAsync(transceiver, reader, _pinProvider, ct);
            if (result.Session is { } session)
            {
                Publish(CardSessionEventKind.Started, reader, session, null, null);
                return session;
            }

            transceiver.Dispose();
            Publish(CardSessionEventKind.Rejected, reader, null, result.RejectionReason, result.PinTriesLeft);
            return null;
        }
        catch (Exception ex) when (ex is CardRemovedException or OperationCanceledException)
        {
            transceiver?.Dispose();
            Publish(CardSessionEventKind.Rejected, reader, null, CardRejectionReasons.Removed, null);
            return null;
        }
        catch (PcscException ex)
        {
            transceiver?.Dispose();
            _logger.LogWarning(ex, "Could not talk to the card in {Reader}", reader);
            Publish(CardSessionEventKind.Rejected, reader, null, CardRejectionReasons.CardError, null);
            return null;
        }
    }

    private async Task EndAsync(string reader)
    {
        if (!_readers.Remove(reader, out var entry))
        {
            return;
        }

        await entry.Setup.CancelAsync();
        var session = await entry.Task;
        entry.Setup.Dispose();
        if (session is not null)
        {
            session.Dispose();
            Publish(CardSessionEventKind.Ended, reader, session, null, null);
        }
    }

    private void Publish(CardSessionEventKind kind, string reader, CardSession? session, string? reason, int? tries) =>
        _events.Writer.TryWrite(new CardSessionEvent(kind, reader, session, reason, tries, _timeProvider.GetTimestamp()));
}
