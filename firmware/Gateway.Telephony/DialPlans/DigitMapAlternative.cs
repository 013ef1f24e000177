using System.Text;

namespace Gateway.Telephony.DialPlans;

/// <summary>
/// One alternative of a digit map compiled to a position automaton: position <c>i</c> means "element <c>i</c> is
/// next"; position <c>Length</c> is the match. A state is a bit set of positions, so a key costs a few shifts.
/// </summary>
internal sealed class DigitMapAlternative
{
    /// <summary>The most elements an alternative may have: the positions 0..Length must fit in 64 bits.</summary>
    public const int MaxElements = 63;

    private readonly ulong[] _accepts = new ulong[DigitKeys.Count];
    private readonly ushort[] _sets;
    private readonly ulong _repeat;
    private readonly ulong _emit;
    private readonly string[] _inserts;

    public DigitMapAlternative(IReadOnlyList<DigitMapElement> elements, string[] inserts)
    {
        Length = elements.Count;
        _sets = new ushort[Length];
        _inserts = inserts;
        for (var i = 0; i < Length; i++)
        {
            _sets[i] = elements[i].Keys;
            _repeat |= elements[i].Repeat ? 1UL << i : 0;
            _emit |= elements[i].Emit ? 1UL << i : 0;
            for (var k = 0; k < DigitKeys.Count; k++)
            {
                if ((elements[i].Keys & (1 << k)) != 0)
                {
                    _accepts[k] |= 1UL << i;
                }
            }
        }

        Final = 1UL << Length;
        Start = Closure(1UL);
    }

    /// <summary>Gets the number of elements.</summary>
    public int Length { get; }

    /// <summary>Gets the state before any key.</summary>
    public ulong Start { get; }

    /// <summary>Gets the bit of the match position.</summary>
    public ulong Final { get; }

    /// <summary>Gets the state after one more key; 0 when the alternative can no longer match.</summary>
    public ulong Step(ulong state, int key)
    {
        var moved = state & _accepts[key];
        return Closure((moved & _repeat) | ((moved & ~_repeat) << 1));
    }

    /// <summary>Gets whether the state matches what was keyed.</summary>
    public bool Accepts(ulong state) => (state & Final) != 0;

    /// <summary>Gets whether some longer string can still match: every element accepts at least one key.</summary>
    public bool CanExtend(ulong state) => (state & ~Final) != 0;

    /// <summary>Gets the state after the keys; 0 when a key is not a key or the alternative cannot match them.</summary>
    public ulong Run(ReadOnlySpan<char> keys)
    {
        var state = Start;
        foreach (var c in keys)
        {
            var key = DigitKeys.IndexOf(c);
            state = key < 0 ? 0 : Step(state, key);
            if (state == 0)
            {
                return 0;
            }
        }

        return state;
    }

    /// <summary>Builds the dial string for keys this alternative matches, or null if it does not match them.</summary>
    public string? Translate(ReadOnlySpan<char> keys)
    {
        Span<ulong> states = stackalloc ulong[keys.Length + 1];
        states[0] = Start;
        for (var j = 0; j < keys.Length; j++)
        {
            var key = DigitKeys.IndexOf(keys[j]);
            states[j + 1] = key < 0 ? 0 : Step(states[j], key);
            if (states[j + 1] == 0)
            {
                return null;
            }
        }

        if (!Accepts(states[keys.Length]))
        {
            return null;
        }

        // Walk back from the match to find which element took each key; the path visits every position in order.
        Span<int> owner = stackalloc int[keys.Length];
        var position = Length;
        for (var j = keys.Length - 1; j >= 0; j--)
        {
            position = Predecessor(states[j], DigitKeys.IndexOf(keys[j]), position);
            owner[j] = position;
        }

        var number = new StringBuilder(keys.Length + 8);
        var next = 0;
        for (var i = 0; i <= Length; i++)
        {
            number.Append(_inserts[i]);
            for (; next < keys.Length && owner[next] == i; next++)
            {
                if ((_emit & (1UL << i)) != 0)
                {
                    number.Append(keys[next]);
                }
            }
        }

        return number.ToString();
    }

    private ulong Closure(ulong state)
    {
        // Epsilon moves only skip a repeated element (zero repetitions), always forward by one.
        var added = ((state & _repeat) << 1) & ~state;
        while (added != 0)
        {
            state |= added;
            added = ((added & _repeat) << 1) & ~state;
        }

        return state;
    }

    private int Predecessor(ulong before, int key, int after)
    {
        // The element q that took the key must be live before it, accept it, and land at or before 'after' with only
        // repeated (skippable) elements in between.
        var candidates = before & _accepts[key];
        for (var q = Math.Min(after, Length - 1); q >= 0; q--)
        {
            if ((candidates & (1UL << q)) == 0)
            {
                continue;
            }

            var landing = (_repeat & (1UL << q)) != 0 ? q : q + 1;
            if (landing <= after && SkippableBetween(landing, after))
            {
                return q;
            }
        }

        throw new InvalidOperationException("digit map path reconstruction failed; the automaton is inconsistent");
    }

    private bool SkippableBetween(int from, int to)
    {
        if (from == to)
        {
            return true;
        }

        var span = ((1UL << (to - from)) - 1) << from;
        return (span & _repeat) == span;
    }
}
