using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.SmartCard.PcscLite;

/// <summary>
/// Watches all PC/SC readers with SCardGetStatusChange (plus the PnP pseudo-reader for readers coming and going)
/// on a dedicated long-running thread, and publishes <see cref="ReaderEvent"/>s. Survives pcscd restarts:
/// on SCARD_E_NO_SERVICE / SERVICE_STOPPED it reports removals and <see cref="ReaderEventKind.ServiceLost"/>, then
/// re-establishes the context with exponential backoff on the <see cref="TimeProvider"/>.
/// </summary>
public sealed class PcscReaderMonitor : IAsyncDisposable
{
    private readonly PcscReaderMonitorOptions _options;
    private readonly ILogger _logger;
    private readonly Channel<ReaderEvent> _events = Channel.CreateUnbounded<ReaderEvent>(new UnboundedChannelOptions { SingleWriter = true });
    private readonly Lock _contextGate = new();
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Dictionary<string, PcscReaderState> _readers = new(StringComparer.Ordinal);
    private readonly IPcscApi? _api;
    private PcscContext? _context;
    private Task? _loop;
    private volatile bool _stopping;
    private int _disposed;

    /// <summary>Creates a monitor; call <see cref="Start"/> to begin.</summary>
    /// <param name="options">Timing; defaults if null.</param>
    /// <param name="logger">Logger.</param>
    public PcscReaderMonitor(PcscReaderMonitorOptions? options = null, ILogger<PcscReaderMonitor>? logger = null)
        : this(options, logger, null)
    {
    }

    /// <summary>Creates a monitor over a given API (null = the platform's PC/SC library).</summary>
    internal PcscReaderMonitor(PcscReaderMonitorOptions? options, ILogger<PcscReaderMonitor>? logger, IPcscApi? api)
    {
        _api = api;
        _options = options ?? new PcscReaderMonitorOptions();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The event stream; completes after disposal.</summary>
    public ChannelReader<ReaderEvent> Events => _events.Reader;

    /// <summary>Starts the monitoring thread (once).</summary>
    public void Start()
    {
        if (_loop is not null)
        {
            throw new InvalidOperationException("The monitor is already started.");
        }

        _loop = Task.Factory.StartNew(Run, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Stops the thread (SCardCancel wakes it) and completes <see cref="Events"/>.</summary>
    /// <returns>Completes when the thread has ended.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping = true;
        _wake.Set();
        lock (_contextGate)
        {
            _context?.Cancel();
        }

        if (_loop is not null)
        {
            await _loop;
        }

        _wake.Dispose();
        _events.Writer.TryComplete();
    }

    private void Run()
    {
        var backoff = _options.InitialBackoff;
        var serviceWasLost = false;
        while (!_stopping)
        {
            PcscContext context;
            try
            {
                context = _api is null ? PcscContext.Establish() : PcscContext.Establish(_api);
            }
            catch (PcscException ex)
            {
                if (!serviceWasLost)
                {
                    Publish(ReaderEventKind.ServiceLost, null, default, ex.Message);
                    serviceWasLost = true;
                }

                _logger.LogWarning("pcscd unavailable ({Error}); retrying in {Delay}", ex.Message, backoff);
                WaitBackoff(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
                continue;
            }

            lock (_contextGate)
            {
                _context = context;
            }

            if (_stopping)
            {
                ReleaseContext();
                break;
            }

            backoff = _options.InitialBackoff;
            serviceWasLost = false;
            Publish(ReaderEventKind.ServiceAvailable, null, default);
            var lost = Watch(context);
            ReleaseContext();
            if (lost is not null)
            {
                DropAllReaders();
                Publish(ReaderEventKind.ServiceLost, null, default, lost);
                serviceWasLost = true;
                WaitBackoff(backoff);
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, _options.MaxBackoff.Ticks));
            }
        }

        DropAllReaders();
    }

    /// <summary>Runs status-change rounds until stopped (returns null) or the service is lost (returns why).</summary>
    private string? Watch(PcscContext context)
    {
        var pnp = new PcscReaderState(PcscReaderState.PnpNotification, 0);
        var refresh = true;
        while (!_stopping)
        {
            if (refresh)
            {
                var code = RefreshReaders(context);
                if (code is not null)
                {
                    return code;
                }

                pnp.CurrentState = (uint)_readers.Count << 16;
                refresh = false;
            }

            var states = _readers.Values.Prepend(pnp).ToArray();
            var rv = context.GetStatusChange(_options.PollTimeout, states);
            if (_stopping)
            {
                return null;
            }

            switch (rv)
            {
                case PcscError.Timeout:
                    continue;
                case PcscError.UnknownReader:
                    refresh = true;
                    continue;
                case PcscError.Cancelled:
                    continue;
                case var lost when PcscError.IsServiceLost(lost):
                    return $"SCardGetStatusChange 0x{lost:X8}";
                case PcscError.Success:
                    break;
                default:
                    _logger.LogWarning("SCardGetStatusChange failed with 0x{Code:X8}", rv);
                    WaitBackoff(_options.InitialBackoff);
                    refresh = true;
                    continue;
            }

            if ((pnp.EventState & PcscReaderState.StateChanged) != 0)
            {
                refresh = true;
                pnp.Acknowledge();
            }

            foreach (var state in states.Skip(1))
            {
                if ((state.EventState & PcscReaderState.StateChanged) == 0)
                {
                    continue;
                }

                if ((state.EventState & (PcscReaderState.StateUnknown | 0x0001)) != 0)
                {
                    refresh = true;
                    continue;
                }

                var wasPresent = (state.CurrentState & PcscReaderState.StatePresent) != 0 && (state.CurrentState & PcscReaderState.StateMute) == 0;
                if (wasPresent && !state.CardPresent)
                {
                    Publish(ReaderEventKind.CardRemoved, state.ReaderName, default);
                }
                else if (!wasPresent && state.CardPresent)
                {
                    Publish(ReaderEventKind.CardInserted, state.ReaderName, state.Atr);
                }
                else if (wasPresent && state.CardPresent && (state.EventState >> 16) != (state.CurrentState >> 16))
                {
                    // pcsc-lite bumps the upper-16-bit counter per insertion/removal; present before and after with a
                    // new count means the card was swapped between two calls. Our own SCardConnect (INUSE) keeps it.
                    Publish(ReaderEventKind.CardRemoved, state.ReaderName, default);
                    Publish(ReaderEventKind.CardInserted, state.ReaderName, state.Atr);
                }

                state.Acknowledge();
            }
        }

        return null;
    }

    private string? RefreshReaders(PcscContext context)
    {
        IReadOnlyList<string> names;
        try
        {
            names = context.ListReaders();
        }
        catch (PcscException ex) when (PcscError.IsServiceLost(ex.ErrorCode))
        {
            return ex.Message;
        }
        catch (PcscException ex)
        {
            _logger.LogWarning("SCardListReaders failed: {Error}", ex.Message);
            names = [];
        }

        foreach (var gone in _readers.Keys.Except(names).ToList())
        {
            DropReader(gone);
        }

        foreach (var added in names.Except(_readers.Keys).ToList())
        {
            // Current state UNAWARE makes the next SCardGetStatusChange return at once with the real state.
            _readers[added] = new PcscReaderState(added, 0);
            Publish(ReaderEventKind.ReaderAdded, added, default);
        }

        return null;
    }

    private void DropAllReaders()
    {
        foreach (var name in _readers.Keys.ToList())
        {
            DropReader(name);
        }
    }

    private void DropReader(string name)
    {
        var state = _readers[name];
        if ((state.CurrentState & PcscReaderState.StatePresent) != 0)
        {
            Publish(ReaderEventKind.CardRemoved, name, default);
        }

        _readers.Remove(name);
        Publish(ReaderEventKind.ReaderRemoved, name, default);
    }

    private void ReleaseContext()
    {
        lock (_contextGate)
        {
            _context?.Dispose();
            _context = null;
        }
    }

    private void WaitBackoff(TimeSpan delay)
    {
        if (_stopping)
        {
            return;
        }

        _wake.Reset();
        using var timer = _options.TimeProvider.CreateTimer(_ => _wake.Set(), null, delay, Timeout.InfiniteTimeSpan);
        if (!_stopping)
        {
            _wake.WaitHandle.WaitOne();
        }
    }

    private void Publish(ReaderEventKind kind, string? reader, ReadOnlyMemory<byte> atr, string? detail = null)
    {
        _logger.LogDebug("PC/SC {Kind} {Reader}", kind, reader);
        _events.Writer.TryWrite(new ReaderEvent(kind, reader, atr, _options.TimeProvider.GetTimestamp(), detail));
    }
}
