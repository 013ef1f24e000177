namespace Gateway.Sip.Transactions;

/// <summary>
/// One restartable one-shot timer on the injected <see cref="TimeProvider"/>. A fire that races with
/// <see cref="Stop"/> is filtered by <see cref="TryConsume"/>, which callers check under the transaction lock.
/// </summary>
internal sealed class TransactionTimer : IDisposable
{
    private readonly TimeProvider _time;
    private readonly Action _onFire;
    private ITimer? _timer;
    private bool _armed;

    public TransactionTimer(TimeProvider time, Action onFire)
    {
        _time = time;
        _onFire = onFire;
    }

    /// <summary>The interval the timer was last started with (the base for doubling).</summary>
    public TimeSpan Interval { get; private set; }

    public bool IsArmed => _armed;

    public void Start(TimeSpan due)
    {
        Interval = due;
        _armed = true;
        if (_timer is null)
        {
            _timer = _time.CreateTimer(static s => ((TransactionTimer)s!)._onFire(), this, due, Timeout.InfiniteTimeSpan);
        }
        else
        {
            _timer.Change(due, Timeout.InfiniteTimeSpan);
        }
    }

    public bool TryConsume()
    {
        if (!_armed)
        {
            return false;
        }

        _armed = false;
        return true;
    }

    public void Stop()
    {
        _armed = false;
        _timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public void Dispose()
    {
        _armed = false;
        _timer?.Dispose();
    }
}
