using System.Text.Json.Nodes;
using System.Threading.Channels;
using Gateway.Hardware;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Calls;
using Gateway.Telephony.Events;
using Microsoft.Extensions.Logging;

namespace Gateway.Telephony.Stations;

/// <summary>
/// One telephone on the box: its devices, what they report, and what the user sees and hears.
/// </summary>
/// <remarks>
/// Devices publish into a channel; <see cref="RunAsync"/> is the single consumer, so device threads
/// never wait for the station and the station's state changes happen in one place, in order. SIP progress, dial-plan
/// timers and card changes are queued into the same loop, so the call logic runs on one thread too.
/// </remarks>
public sealed partial class Station : IDisposable, IInboundCallTarget, IStationLine
{
    private const int MaxDigits = 32;

    private readonly StationIdentity _identity;
    private readonly StationDevices _devices;
    private readonly ChannelReader<HardwareEvent> _hardwareEvents;
    private readonly IEventPublisher _events;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ReaderSnapshot> _cards;
    private string _digits = string.Empty;
    private IKeyInterceptor? _keyInterceptor;
    private IReadOnlyList<string> _displayLines = [];
    private readonly Channel<Action> _work = Channel.CreateUnbounded<Action>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, FollowMeAccount> _accounts = new(StringComparer.Ordinal);
    private StationCallController? _calls;

    /// <summary>Initializes a new instance of the <see cref="Station"/> class.</summary>
    /// <param name="identity">Id, name, readers and idle text.</param>
    /// <param name="devices">The station's devices; the station disposes them.</param>
    /// <param name="hardwareEvents">Where the devices publish their events.</param>
    /// <param name="events">Where the station publishes its state changes.</param>
    /// <param name="timeProvider">Clock for event timestamps.</param>
    /// <param name="logger">Logger.</param>
    public Station(
        StationIdentity identity,
        StationDevices devices,
        ChannelReader<HardwareEvent> hardwareEvents,
        IEventPublisher events,
        TimeProvider timeProvider,
        ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(identity);
        _identity = identity;
        _devices = devices ?? throw new ArgumentNullException(nameof(devices));
        _hardwareEvents = hardwareEvents ?? throw new ArgumentNullException(nameof(hardwareEvents));
        _events = events ?? throw new ArgumentNullException(nameof(events));
        _timeProvider = timeProvider ?? throw new ArgumentNullException(nameof(timeProvider));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _cards = identity.Readers.ToDictionary(r => r, r => new ReaderSnapshot(r, false), StringComparer.Ordinal);
        if (devices.Ringer is RingerBase ringer)
        {
            // Publishing takes only the event bus's own lock, so it is safe under the ringer's.
            ringer.BellChanged += (_, on) => Publish("ring.bell", new JsonObject { ["on"] = on });
        }
    }

    /// <summary>Gets the station id.</summary>
    public string Id => _identity.Id;

    /// <summary>Gets the station's devices.</summary>
    public StationDevices Devices => _devices;

    /// <summary>Shows the idle text. Call once before <see cref="RunAsync"/>.</summary>
    public void Start()
    {
        _devices.StatusLed?.Pattern = LedPattern.On;
        ShowDisplay(_identity.IdleText);
    }

    /// <summary>Consumes device events until <paramref name="cancellationToken"/> is cancelled.</summary>
    /// <param name="cancellationToken">Stops the loop.</param>
    /// <returns>A task that ends when the loop ends.</returns>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["Station"] = Id });
        var pump = PumpHardwareEventsAsync(cancellationToken);
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(cancellationToken))
            {
                try
                {
                    work();
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // One bad event must not take the phone down; the next event may well be fine.
                    LogEventFailed(ex, work.Method.Name);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
        finally
        {
            _devices.Ringer.Stop();
        }

        await pump.ConfigureAwait(false);
    }

    /// <summary>Starts ringing with <paramref name="cadence"/>, unless the handset is off-hook.</summary>
    /// <param name="cadence">The ring cadence.</param>
    /// <returns><see langword="true"/> if the station rings.</returns>
    public bool Ring(RingCadence cadence)
    {
        ArgumentNullException.ThrowIfNull(cadence);
        lock (_gate)
        {
            if (_devices.HookSwitch.IsOffHook)
            {
                LogRingRefusedOffHook(cadence.Name);
                return false;
            }

            _devices.Ringer.Start(cadence);
            if (!_devices.Ringer.IsRinging)
            {
                return false;
            }
        }

        Publish("ring.start", new JsonObject { ["cadence"] = cadence.Name });
        return true;
    }

    /// <summary>Stops ringing if the station rings.</summary>
    public void StopRinging()
    {
        bool wasRinging;
        lock (_gate)
        {
            wasRinging = _devices.Ringer.IsRinging;
            _devices.Ringer.Stop();
        }

        if (wasRinging)
        {
            Publish("ring.stop");
        }
    }

    /// <summary>Shows <paramref name="lines"/> on the display (if any) and publishes the change.</summary>
    /// <param name="lines">The lines, top first.</param>
    public void ShowDisplay(IReadOnlyList<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        IReadOnlyList<string> shown;
        lock (_gate)
        {
            if (_devices.Display is { } display)
            {
                display.Show([.. lines]);
                shown = [.. display.Lines];
            }
            else
            {
                shown = [.. lines];
            }

            if (shown.SequenceEqual(_displayLines, StringComparer.Ordinal))
            {
                return;
            }

            _displayLines = shown;
        }

        var array = new JsonArray();
        foreach (var line in shown)
        {
            // The JsonNode overload: the generic Add<T> needs reflection (not trim/AOT-safe).
            array.Add((JsonNode?)JsonValue.Create(line));
        }

        Publish("display", new JsonObject { ["lines"] = array, ["text"] = string.Join('\n', shown) });
    }

    /// <summary>Shows the idle text again (after a card session ends).</summary>
    public void ShowIdle() => ShowDisplay(_identity.IdleText);

    /// <summary>Records whether a card is in one of the station's readers; any account shown for it is cleared.</summary>
    /// <param name="reader">The reader name.</param>
    /// <param name="present">Whether a card is present.</param>
    /// <returns><see langword="false"/> if the reader is not bound to this station.</returns>
    public bool SetCardPresent(string reader, bool present)
    {
        lock (_gate)
        {
            if (!_cards.ContainsKey(reader))
            {
                return false;
            }

            _cards[reader] = new ReaderSnapshot(reader, present);
        }

        return true;
    }

    /// <summary>Records the accepted card's public account details for the status snapshot.</summary>
    /// <param name="reader">The reader name.</param>
    /// <param name="user">The card holder's display name.</param>
    /// <param name="number">The follow-me number.</param>
    /// <returns><see langword="false"/> if the reader is not bound to this station or holds no card.</returns>
    public bool SetCardAccount(string reader, string user, string number)
    {
        lock (_gate)
        {
            if (!_cards.TryGetValue(reader, out var current) || !current.CardPresent)
            {
                return false;
            }

            _cards[reader] = current with { User = user, Number = number };
        }

        return true;
    }

    /// <summary>
    /// Routes keypad presses to <paramref name="interceptor"/> instead of the dialler until the returned lease is
    /// disposed. The newest interceptor wins; disposing an older lease leaves a newer interceptor in place.
    /// </summary>
    /// <param name="interceptor">Who gets the keys.</param>
    /// <returns>The lease; dispose it to give the keypad back.</returns>
    public IDisposable InterceptKeys(IKeyInterceptor interceptor)
    {
        ArgumentNullException.ThrowIfNull(interceptor);
        lock (_gate)
        {
            _keyInterceptor = interceptor;
        }

        return new KeyInterceptLease(this, interceptor);
    }

    /// <summary>Takes a consistent snapshot of the station's state.</summary>
    /// <returns>The snapshot.</returns>
    public StationSnapshot Snapshot()
    {
        // Outside the lock: the media's counters take the media's own locks.
        var call = Volatile.Read(ref _calls)?.Snapshot();
        lock (_gate)
        {
            return new StationSnapshot(
                _identity.Id,
                _identity.Name,
                _devices.HookSwitch.IsOffHook,
                _displayLines,
                _devices.Ringer.IsRinging,
                _devices.Ringer.IsRinging ? _devices.Ringer.Cadence?.Name : null,
                _digits,
                _devices.StatusLed?.Pattern.ToString(),
                [.. _cards.Values])
            {
                Call = call,
            };
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _work.Writer.TryComplete();
        Interlocked.Exchange(ref _calls, null)?.Dispose();
        _devices.Dispose();
    }

    private void Handle(HardwareEvent hardwareEvent)
    {
        switch (hardwareEvent)
        {
            case HookChanged { OffHook: true }:
                OnOffHook();
                break;
            case HookChanged { OffHook: false }:
                OnOnHook();
                break;
            case HookFlash flash:
                OnFlash(flash);
                break;
            case KeyPressed key when TryIntercept(key.Key):
                break;
            case KeyPressed key:
                OnDigit(key.Key, "keypad");
                break;
            case PulseDigitDialed pulse:
                OnDigit(pulse.Digit, "pulse");
                break;
            case CoinInserted coin:
                Publish("coin", new JsonObject { ["pulses"] = coin.Pulses });
                break;
            default:
                LogUnknownEvent(hardwareEvent.GetType().Name);
                break;
        }
    }

    private void OnOffHook()
    {
        // Ring trip: answering a ringing phone silences it before anything else happens.
        StopRinging();
        lock (_gate)
        {
            _digits = string.Empty;
        }

        Publish("hook.off");
        if (_calls?.OnOffHook() != true)
        {
            ShowDisplay(["Dial number", string.Empty]);
        }
    }

    private void OnOnHook()
    {
        lock (_gate)
        {
            _digits = string.Empty;
        }

        Publish("hook.on");
        if (_calls is { } calls)
        {
            calls.OnOnHook();
            ShowDisplay(calls.ReadyText);
        }
        else
        {
            ShowDisplay(_identity.IdleText);
        }
    }

    private void OnFlash(HookFlash flash)
    {
        lock (_gate)
        {
            _digits = string.Empty;
        }

        Publish("flash", new JsonObject { ["durationMs"] = (long)flash.Duration.TotalMilliseconds });
        if (_calls is { } calls && !calls.OnFlash())
        {
            // A flash in a call has no feature yet (hold, transfer); the call's display stays.
            return;
        }

        ShowDisplay(["Dial number", string.Empty]);
    }

    private void OnDigit(char digit, string source)
    {
        if (_calls is { IsDialling: false } calls)
        {
            // In a call (or after a failed attempt) keys are DTMF to the far end, not a new number.
            Publish("key", new JsonObject { ["key"] = digit.ToString(), ["source"] = source });
            calls.OnDigit(digit);
            return;
        }

        string digits;
        bool offHook;
        lock (_gate)
        {
            offHook = _devices.HookSwitch.IsOffHook;
            if (offHook && _digits.Length < MaxDigits)
            {
                _digits += digit;
            }

            digits = _digits;
        }

        Publish("key", new JsonObject { ["key"] = digit.ToString(), ["source"] = source });
        if (offHook)
        {
            ShowDisplay(["Dial number", digits]);
            _calls?.OnDigit(digit);
        }
    }

    private bool TryIntercept(char key)
    {
        IKeyInterceptor? interceptor;
        lock (_gate)
        {
            interceptor = _keyInterceptor;
        }

        // Called outside the lock: the interceptor may update the display, which takes the lock itself.
        return interceptor?.TryInterceptKey(key) ?? false;
    }

    private void ReleaseInterceptor(IKeyInterceptor interceptor)
    {
        lock (_gate)
        {
            if (ReferenceEquals(_keyInterceptor, interceptor))
            {
                _keyInterceptor = null;
            }
        }
    }

    private void Publish(string type, JsonObject? data = null) =>
        _events.Publish(new GatewayEvent(type, Id, _timeProvider.GetUtcNow(), data));

    [LoggerMessage(Level = LogLevel.Error, Message = "Station failed to handle a {EventType} event")]
    private partial void LogEventFailed(Exception exception, string eventType);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not ringing ({Cadence}): the handset is off-hook")]
    private partial void LogRingRefusedOffHook(string cadence);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ignoring unknown hardware event {EventType}")]
    private partial void LogUnknownEvent(string eventType);

    private sealed class KeyInterceptLease(Station station, IKeyInterceptor interceptor) : IDisposable
    {
        public void Dispose() => station.ReleaseInterceptor(interceptor);
    }
}
