namespace Gateway.Telephony.DialPlans;

/// <summary>
/// Incremental matching: one bit set of automaton positions per alternative, advanced key by key, so the decision
/// after each key costs a few shifts per alternative and allocates nothing. Not thread-safe.
/// </summary>
internal sealed class DigitMapCursor
{
    private readonly DigitMap _map;
    private readonly ulong[] _states;

    public DigitMapCursor(DigitMap map)
    {
        _map = map;
        _states = new ulong[map.Alternatives.Count];
        Reset();
    }

    /// <summary>Gets the classification of the keys added so far.</summary>
    public DigitMapMatch Result { get; private set; }

    public void Reset()
    {
        for (var i = 0; i < _states.Length; i++)
        {
            _states[i] = _map.Alternatives[i].Start;
        }

        Result = Classify(_states);
    }

    /// <summary>Adds a key and returns the new classification; a non-key makes it NoMatch.</summary>
    public DigitMapMatch Add(char key)
    {
        var index = DigitKeys.IndexOf(key);
        for (var i = 0; i < _states.Length; i++)
        {
            _states[i] = index < 0 ? 0 : _map.Alternatives[i].Step(_states[i], index);
        }

        Result = Classify(_states);
        return Result;
    }

    /// <summary>Gets what adding a key would give, without adding it.</summary>
    public DigitMapMatch Probe(char key)
    {
        var index = DigitKeys.IndexOf(key);
        if (index < 0)
        {
            return DigitMapMatch.NoMatch;
        }

        var exact = false;
        var accepts = false;
        var extends = false;
        for (var i = 0; i < _states.Length; i++)
        {
            var alternative = _map.Alternatives[i];
            var next = alternative.Step(_states[i], index);
            exact |= alternative.Accepts(next) && !alternative.CanExtend(next);
            accepts |= alternative.Accepts(next);
            extends |= alternative.CanExtend(next);
        }

        return Classify(exact, accepts, extends);
    }

    private DigitMapMatch Classify(ulong[] states)
    {
        var exact = false;
        var accepts = false;
        var extends = false;
        for (var i = 0; i < states.Length; i++)
        {
            var alternative = _map.Alternatives[i];
            exact |= alternative.Accepts(states[i]) && !alternative.CanExtend(states[i]);
            accepts |= alternative.Accepts(states[i]);
            extends |= alternative.CanExtend(states[i]);
        }

        return Classify(exact, accepts, extends);
    }

    private static DigitMapMatch Classify(bool exact, bool accepts, bool extends) =>
        exact ? DigitMapMatch.Complete
        : accepts ? DigitMapMatch.CompleteButMayExtend
        : extends ? DigitMapMatch.Partial
        : DigitMapMatch.NoMatch;
}
