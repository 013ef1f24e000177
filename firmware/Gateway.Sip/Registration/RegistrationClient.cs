using Gateway.Sip.Auth;
using Gateway.Sip.Transactions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip.Registration;

/// <summary>
/// Keeps one address of record registered (RFC 3261 §10.2): registers, answers digest challenges through a
/// <see cref="DigestAuthenticator"/>, refreshes before the granted expiry, backs off after failures
/// (RFC 5626 §4.5), optionally sends CRLF keep-alives, and unregisters its contact when stopped.
/// All timers run on the transaction layer's <see cref="TimeProvider"/>.
/// </summary>
public sealed class RegistrationClient : IAsyncDisposable
{
    // Timers cannot wait longer than about 49 days; a registrar granting years is refreshed sooner.
    private static readonly TimeSpan s_longestTimer = TimeSpan.FromDays(24);

    private readonly SipTransactionLayer _transactions;
    private readonly RegistrationOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly Func<double> _random;
    private readonly RegistrationRequestFactory _requests;
    private readonly RegistrationExchange _exchange;
    private readonly RegistrationStatusBoard _board;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private Task _loop = Task.CompletedTask;
    private Task _keepAlive = Task.CompletedTask;
    private volatile bool _mayBeBound;

    /// <summary>Creates a stopped registration; <see cref="Start"/> begins it.</summary>
    /// <param name="transactions">The stack's transaction layer (shared by every registration).</param>
    /// <param name="options">What to register where.</param>
    /// <param name="authenticator">Answers 401/407; null when the registrar needs no digest.</param>
    /// <param name="logger">State changes and failures.</param>
    /// <param name="random">Uniform numbers in [0, 1) for the backoff jitter; <see cref="Random.Shared"/> when null.</param>
    public RegistrationClient(
        SipTransactionLayer transactions,
        RegistrationOptions options,
        DigestAuthenticator? authenticator = null,
        ILogger? logger = null,
        Func<double>? random = null)
    {
        ArgumentNullException.ThrowIfNull(transactions);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Aor);
        ArgumentException.ThrowIfNullOrEmpty(options.ContactUri);
        _transactions = transactions;
        _options = options;
        _logger = logger ?? NullLogger.Instance;
        _time = transactions.TimeProvider;
        _random = random ?? Random.Shared.NextDouble;
        _requests = new RegistrationRequestFactory(options, transactions.Transports);
        _exchange = new RegistrationExchange(transactions, options, _requests, authenticator, _logger);
        _board = new RegistrationStatusBoard(new RegistrationStatus { State = RegistrationState.Unregistered, Aor = options.Aor }, _logger);
    }

    /// <summary>Every status change, in order, raised on the registration's own flow.</summary>
    public event EventHandler<RegistrationStatus>? StatusChanged
    {
        add => _board.Changed += value;
        remove => _board.Changed -= value;
    }

    /// <summary>The address of record.</summary>
    public string Aor => _options.Aor;

    /// <summary>The Contact URI this registration binds.</summary>
    public string ContactUri => _options.ContactUri;

    /// <summary>The <c>+sip.instance</c> URN sent with the Contact, or null.</summary>
    public string? InstanceId => _options.InstanceId;

    /// <summary>The Call-ID of every REGISTER of this registration.</summary>
    public string CallId => _requests.CallId;

    /// <summary>The CSeq of the last REGISTER sent.</summary>
    public uint LastCSeq => _requests.LastCSeq;

    /// <summary>The expiry asked for, in seconds (raised by a 423).</summary>
    public uint RequestedExpiry => _exchange.Requested;

    /// <summary>The current status.</summary>
    public RegistrationStatus Status => _board.Current;

    /// <summary>Starts registering (no-op when already running).</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_running is not null)
            {
                return;
            }

            _running = new CancellationTokenSource();
            var token = _running.Token;
            _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
            if (_options.KeepAliveInterval is { } interval && interval > TimeSpan.Zero)
            {
                _keepAlive = KeepAliveAsync(interval, token);
            }
        }
    }

    /// <summary>Waits until the status satisfies a condition (at once when it already does).</summary>
    /// <param name="predicate">The condition.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>The first status that satisfied it.</returns>
    public Task<RegistrationStatus> WaitForAsync(Func<RegistrationStatus, bool> predicate, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return _board.WaitForAsync(predicate, ct);
    }

    /// <summary>Waits until the registration is in a state.</summary>
    /// <param name="state">The state.</param>
    /// <param name="ct">Stops waiting.</param>
    /// <returns>The status on entering it.</returns>
    public Task<RegistrationStatus> WaitForStateAsync(RegistrationState state, CancellationToken ct = default) =>
        _board.WaitForAsync(s => s.State == state, ct);

    /// <summary>
    /// Stops refreshing and removes this contact's binding with Expires: 0, waiting at most
    /// <see cref="RegistrationOptions.UnregisterTimeout"/> for the registrar.
    /// </summary>
    /// <param name="ct">Gives up waiting early.</param>
    /// <returns>True when no binding is left as far as we know (the registrar confirmed, or none was made).</returns>
    public async Task<bool> StopAsync(CancellationToken ct = default)
    {
        CancellationTokenSource? running;
        Task loop, keepAlive;
        lock (_gate)
        {
            running = _running;
            _running = null;
            loop = _loop;
            keepAlive = _keepAlive;
        }

        if (running is null)
        {
            return !_mayBeBound;
        }

        await running.CancelAsync();
        await Task.WhenAll(loop, keepAlive);
        running.Dispose();
        return await UnregisterAsync(ct);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task<bool> UnregisterAsync(CancellationToken ct)
    {
        if (!_mayBeBound)
        {
            Publish(new RegistrationStatus { State = RegistrationState.Unregistered, Aor = Aor });
            return true;
        }

        // The deadline is armed before the status is published, so a waiter that then moves the clock sees it fire.
        using var attempt = new CancellationTokenSource(_options.UnregisterTimeout, _time);
        using var link = ct.Register(attempt.Cancel);
        Publish(new RegistrationStatus { State = RegistrationState.Unregistering, Aor = Aor });
        RegistrationOutcome outcome;
        try
        {
            // The exchange may finish on the transport's receive thread; status handlers must not run there.
            outcome = await _exchange.RunAsync(unregister: true, attempt.Token).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
        }
        catch (OperationCanceledException)
        {
            outcome = RegistrationOutcome.Fail(null, "no answer to the unregister in time");
        }

        _mayBeBound = !outcome.Succeeded;
        if (outcome.Succeeded)
        {
            _logger.LogInformation("Registration: {Aor} unregistered", Aor);
        }
        else
        {
            _logger.LogWarning("Registration: {Aor} unregister failed ({Status}: {Reason}); the binding lapses at its expiry", Aor, outcome.StatusCode, outcome.Reason);
        }

        Publish(new RegistrationStatus { State = RegistrationState.Unregistered, Aor = Aor, StatusCode = outcome.StatusCode, Reason = outcome.Reason });
        return outcome.Succeeded;
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var failures = 0;
        var registered = false;
        try
        {
            while (!ct.IsCancellationRequested)
            {
                Publish(new RegistrationStatus { State = registered ? RegistrationState.Refreshing : RegistrationState.Registering, Aor = Aor });
                var wasBound = _mayBeBound;
                _mayBeBound = true;
                // The exchange may finish on the transport's receive thread; status handlers and logging must not hold it up.
                var outcome = await _exchange.RunAsync(unregister: false, ct).ConfigureAwait(ConfigureAwaitOptions.ForceYielding);
                if (outcome.StatusCode is >= 300 and not 408 and not 503 || outcome.StatusCode is null)
                {
                    // The registrar refused (or nothing was sent): no new binding, so stopping need not remove one.
                    _mayBeBound = wasBound;
                }

                var now = _time.GetUtcNow();
                RegistrationStatus status;
                TimeSpan wait;
                if (outcome.Succeeded && outcome.Granted is { } granted && granted > TimeSpan.Zero)
                {
                    failures = 0;
                    registered = true;
                    wait = RefreshDelay(granted, _options.RefreshMargin);
                    status = new RegistrationStatus
                    {
                        State = RegistrationState.Registered, Aor = Aor, StatusCode = outcome.StatusCode, ExpiresAt = now + granted, RetryAt = now + wait,
                    };
                    _logger.LogInformation("Registration: {Aor} registered for {Granted}s, refresh in {Wait}", Aor, granted.TotalSeconds, wait);
                }
                else
                {
                    failures++;
                    registered = false;
                    var backoff = IsRefusal(outcome.StatusCode) ? _options.RefusedBackoff ?? _options.Backoff : _options.Backoff;
                    wait = backoff.Delay(failures, _random());
                    var reason = outcome.Succeeded ? "the registrar granted no time to our contact" : outcome.Reason;
                    status = new RegistrationStatus
                    {
                        State = RegistrationState.Failed, Aor = Aor, StatusCode = outcome.StatusCode, Reason = reason, RetryAt = now + wait, ConsecutiveFailures = failures,
                    };
                    _logger.LogWarning("Registration: {Aor} failed ({Status}: {Reason}), attempt {Failures}, retry in {Wait}", Aor, outcome.StatusCode, reason, failures, wait);
                }

                // The timer is armed before the status is published, so a waiter that then moves the clock sees it fire.
                var delay = Task.Delay(wait, _time, ct);
                Publish(status);
                await delay;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped; StopAsync unregisters.
        }
    }

    /// <summary>True for answers that say the credentials or the user are refused, where an early retry cannot help.</summary>
    internal static bool IsRefusal(int? statusCode) => statusCode is 401 or 403 or 404 or 407;

    /// <summary>The earlier of half the granted expiry and the expiry minus the margin, capped at what a timer can wait.</summary>
    internal static TimeSpan RefreshDelay(TimeSpan granted, TimeSpan margin)
    {
        var half = granted / 2;
        var beforeEnd = granted - margin;
        var delay = beforeEnd > TimeSpan.Zero && beforeEnd < half ? beforeEnd : half;
        return delay < s_longestTimer ? delay : s_longestTimer;
    }

    private async Task KeepAliveAsync(TimeSpan interval, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(interval, _time, ct);
                if (Status.State is not (RegistrationState.Registered or RegistrationState.Refreshing))
                {
                    continue;
                }

                try
                {
                    if (!await _transactions.Transports.SendKeepAliveAsync(_options.NextHop, ct))
                    {
                        _logger.LogDebug("Registration: {Aor} has no connection to {NextHop} for a keep-alive", Aor, _options.NextHop);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    _logger.LogWarning(ex, "Registration: {Aor} keep-alive to {NextHop} failed", Aor, _options.NextHop);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopped.
        }
    }

    private void Publish(RegistrationStatus status) => _board.Publish(this, status);
}
