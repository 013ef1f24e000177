namespace Gateway.Telephony.DialPlans;

/// <summary>
/// Collects one dialling attempt against a <see cref="DialPlan"/>. After each key: a complete match dials at once;
/// a match that a longer string could extend dials when the short timer runs out; a partial match ends with no
/// match when the long timer runs out; keys that nothing can match end the attempt at once (reorder). '#' is a key
/// when the plan has a place for it there, otherwise it ends dialling: a match dials now, anything else is no match.
/// At most <see cref="MaxDigits"/> keys are taken; the last one must decide.
/// </summary>
/// <remarks>
/// Thread-safe: <see cref="Add"/> comes from the station loop and the timers fire on the timer thread; one lock
/// orders them, and <see cref="Completed"/> is raised under it, so it is raised exactly once per attempt and never
/// after <see cref="Reset"/> returns. Handlers must not wait for another thread that calls into this collector.
/// Keys A-D and non-keys are ignored; keys after the attempt ended are ignored until <see cref="Reset"/>. The
/// timers start with the first key: the wait for the first key belongs to the station (dial-tone timeout).
/// </remarks>
public sealed class DigitCollector : IDigitCollector
{
    /// <summary>The most keys in one attempt.</summary>
    public const int MaxDigits = 32;

    private readonly Lock _gate = new();
    private readonly DialPlan _plan;
    private readonly TimeProvider _time;
    private readonly DialPlanTimers _timers;
    private readonly DigitMapCursor _cursor;
    private readonly char[] _keys = new char[MaxDigits + 1];
    private int _count;
    private int _matched;
    private bool _ended;
    private bool _disposed;
    private long _generation;
    private ITimer? _timer;

    /// <summary>Initializes a new instance of the <see cref="DigitCollector"/> class.</summary>
    /// <param name="plan">The station's plan (board map, emergency and free numbers, card speed dials).</param>
    /// <param name="time">The clock for the inter-digit timers.</param>
    /// <param name="timers">The timers; <see cref="DialPlanTimers.Default"/> when null.</param>
    public DigitCollector(DialPlan plan, TimeProvider time, DialPlanTimers? timers = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(time);
        _timers = timers ?? DialPlanTimers.Default;
        _timers.Validate();
        _plan = plan;
        _time = time;
        _cursor = new DigitMapCursor(plan.Map);
    }

    /// <inheritdoc/>
    public event EventHandler<DialOutcome>? Completed;

    /// <inheritdoc/>
    public string Digits
    {
        get
        {
            lock (_gate)
            {
                return new string(_keys, 0, _count);
            }
        }
    }

    /// <summary>Gets the plan the collector matches against.</summary>
    public DialPlan Plan => _plan;

    /// <inheritdoc/>
    public void Add(char key)
    {
        if (DigitKeys.IndexOf(key) is < 0 or > 11)
        {
            return;
        }

        lock (_gate)
        {
            if (_ended || _disposed)
            {
                return;
            }

            _keys[_count++] = key;
            if (key == '#' && _cursor.Probe('#') == DigitMapMatch.NoMatch)
            {
                // '#' as a terminator: dial what matched before it, if anything did.
                Finish(_cursor.Result is DigitMapMatch.Complete or DigitMapMatch.CompleteButMayExtend);
                return;
            }

            _matched++;
            var result = _cursor.Add(key);
            if (_count == MaxDigits && result is DigitMapMatch.Partial or DigitMapMatch.CompleteButMayExtend)
            {
                result = result == DigitMapMatch.Partial ? DigitMapMatch.NoMatch : DigitMapMatch.Complete;
            }

            switch (result)
            {
                case DigitMapMatch.Complete:
                    Finish(dial: true);
                    break;
                case DigitMapMatch.CompleteButMayExtend:
                    Arm(_timers.ShortInterDigit);
                    break;
                case DigitMapMatch.Partial:
                    Arm(_timers.LongInterDigit);
                    break;
                default:
                    Finish(dial: false);
                    break;
            }
        }
    }

    /// <inheritdoc/>
    public void Reset()
    {
        lock (_gate)
        {
            Clear();
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            Clear();
        }
    }

    private void Clear()
    {
        _generation++;
        _count = 0;
        _matched = 0;
        _ended = false;
        _cursor.Reset();
        _timer?.Dispose();
        _timer = null;
    }

    private void Arm(TimeSpan due)
    {
        // A fresh timer per arming carries its generation, so a callback already running for an older key cannot
        // act on the newer one.
        _generation++;
        _timer?.Dispose();
        _timer = _time.CreateTimer(static state => ((Arming)state!).Fire(), new Arming(this, _generation), due, Timeout.InfiniteTimeSpan);
    }

    private void Expired(long generation)
    {
        lock (_gate)
        {
            if (generation != _generation || _ended || _disposed)
            {
                return;
            }

            Finish(_cursor.Result == DigitMapMatch.CompleteButMayExtend);
        }
    }

    private void Finish(bool dial)
    {
        _ended = true;
        _generation++;
        _timer?.Dispose();
        _timer = null;
        var keyed = new string(_keys, 0, _count);
        var number = string.Empty;
        if (dial && (!_plan.Map.TryTranslate(_keys.AsSpan(0, _matched), out number) || number.Length == 0))
        {
            // Only '#' alone under a map like "x." gets here: an empty number is not a call.
            dial = false;
        }

        Completed?.Invoke(this, dial
            ? new DialOutcome(DialOutcomeKind.Dial, number, keyed)
            : new DialOutcome(DialOutcomeKind.NoMatch, string.Empty, keyed));
    }

    private sealed class Arming(DigitCollector owner, long generation)
    {
        public void Fire() => owner.Expired(generation);
    }
}
