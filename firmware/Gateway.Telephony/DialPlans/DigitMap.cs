namespace Gateway.Telephony.DialPlans;

/// <summary>
/// A parsed digit map in the ATA convention (Cisco SPA, Grandstream, OBi): alternatives separated by <c>|</c>,
/// optionally wrapped in <c>( )</c> or <c>&lt; &gt;</c>; elements <c>0-9 * #</c>, <c>x</c> (any digit),
/// <c>[2-9]</c>/<c>[135]</c> ranges, <c>.</c> (zero or more of the previous element) and <c>&lt;a:b&gt;</c>
/// substitution (the keys matched by <c>a</c> are replaced by <c>b</c> in the dialled number: <c>&lt;:1&gt;</c>
/// prepends, <c>&lt;9:&gt;</c> strips). Spaces are ignored. Timer markers (<c>S</c>, <c>L</c>, <c>T</c>) are rejected.
/// </summary>
/// <remarks>
/// <para>
/// A key string is classified against the map (see <see cref="DigitMapMatch"/>), rule by rule as ATAs do:
/// <see cref="DigitMapMatch.Complete"/> when some alternative matches it and that alternative can take no more keys
/// (so <c>911</c> dials at once under <c>&lt;[2-9]xxxxxxxxx|911&gt;</c> although <c>911xxxxxxx</c> would also fit
/// the first rule); <see cref="DigitMapMatch.CompleteButMayExtend"/> when it matches only alternatives that could
/// take more (<c>011</c> under <c>011x.</c>); <see cref="DigitMapMatch.Partial"/> when it matches nothing yet but
/// is a prefix of something that does; <see cref="DigitMapMatch.NoMatch"/> otherwise. The dialled number comes from
/// the first alternative in map order that matches exactly, else the first that matches.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class DigitMap
{
    private DigitMap(string text, IReadOnlyList<DigitMapAlternative> alternatives)
    {
        Text = text;
        Alternatives = alternatives;
    }

    /// <summary>Gets the map as written.</summary>
    public string Text { get; }

    /// <summary>Gets the number of alternatives.</summary>
    public int AlternativeCount => Alternatives.Count;

    internal IReadOnlyList<DigitMapAlternative> Alternatives { get; }

    /// <summary>Parses a digit map.</summary>
    /// <param name="text">The map, e.g. <c>&lt;[2-9]xxxxxxxxx|1[2-9]xxxxxxxxx|911|011x.&gt;</c>.</param>
    /// <returns>The map.</returns>
    /// <exception cref="DigitMapException">The text is not a valid map; the exception names the position and reason.</exception>
    public static DigitMap Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new DigitMap(text, DigitMapParser.Parse(text));
    }

    /// <summary>Checks map text without keeping the result.</summary>
    /// <param name="text">The map.</param>
    /// <param name="error">The parse error, or null when the map is valid.</param>
    /// <returns>True when the map is valid.</returns>
    public static bool TryParse(string? text, out DigitMapException? error)
    {
        if (text is null)
        {
            error = new DigitMapException("the map is missing", 0);
            return false;
        }

        try
        {
            DigitMapParser.Parse(text);
            error = null;
            return true;
        }
        catch (DigitMapException ex)
        {
            error = ex;
            return false;
        }
    }

    /// <summary>Classifies a key string against the map.</summary>
    /// <param name="keys">The keys, as pressed; a character that is not a key makes it <see cref="DigitMapMatch.NoMatch"/>.</param>
    /// <returns>The classification.</returns>
    public DigitMapMatch Match(ReadOnlySpan<char> keys)
    {
        var cursor = new DigitMapCursor(this);
        foreach (var key in keys)
        {
            if (cursor.Add(key) == DigitMapMatch.NoMatch)
            {
                return DigitMapMatch.NoMatch;
            }
        }

        return cursor.Result;
    }

    /// <summary>Gets the number to dial for keys the map matches, after substitutions.</summary>
    /// <param name="keys">The keys.</param>
    /// <param name="number">The number; empty when the map does not match.</param>
    /// <returns>True when some alternative matches the keys.</returns>
    public bool TryTranslate(ReadOnlySpan<char> keys, out string number)
    {
        // An alternative that matches exactly (and can take no more keys) is what made the collector dial at once,
        // so it wins over an earlier alternative that matches but could extend.
        DigitMapAlternative? chosen = null;
        foreach (var alternative in Alternatives)
        {
            var state = alternative.Run(keys);
            if (alternative.Accepts(state))
            {
                if (!alternative.CanExtend(state))
                {
                    chosen = alternative;
                    break;
                }

                chosen ??= alternative;
            }
        }

        number = chosen?.Translate(keys) ?? string.Empty;
        return chosen is not null;
    }

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>Builds a map whose first alternatives are exact key strings that dial given numbers.</summary>
    internal DigitMap WithExact(IReadOnlyList<(string Keys, string Number)> exact)
    {
        if (exact.Count == 0)
        {
            return this;
        }

        var alternatives = new List<DigitMapAlternative>(exact.Count + Alternatives.Count);
        foreach (var (keys, number) in exact)
        {
            var elements = new DigitMapElement[keys.Length];
            for (var i = 0; i < keys.Length; i++)
            {
                elements[i] = new DigitMapElement((ushort)(1 << DigitKeys.IndexOf(keys[i])), Repeat: false, Emit: false);
            }

            var inserts = new string[keys.Length + 1];
            Array.Fill(inserts, string.Empty);
            inserts[0] = number;
            alternatives.Add(new DigitMapAlternative(elements, inserts));
        }

        alternatives.AddRange(Alternatives);
        return new DigitMap(Text, alternatives);
    }
}
