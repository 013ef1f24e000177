using System.Text;

namespace Gateway.Telephony.DialPlans;

/// <summary>Parses digit-map text into compiled alternatives; every error names a position and a reason.</summary>
internal sealed class DigitMapParser
{
    /// <summary>The longest map text accepted; real maps are a few hundred characters.</summary>
    public const int MaxLength = 4096;

    /// <summary>The most alternatives in one map.</summary>
    public const int MaxAlternatives = 256;

    /// <summary>The longest substitution output.</summary>
    public const int MaxInsert = 32;

    private readonly string _text;
    private readonly int _end;
    private int _pos;

    private DigitMapParser(string text, int start, int end)
    {
        _text = text;
        _pos = start;
        _end = end;
    }

    public static List<DigitMapAlternative> Parse(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new DigitMapException($"the map is {text.Length} characters; at most {MaxLength} are allowed", MaxLength);
        }

        var (start, end) = Unwrap(text);
        var parser = new DigitMapParser(text, start, end);
        return parser.Alternatives();
    }

    private static (int Start, int End) Unwrap(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (start == end)
        {
            throw new DigitMapException("the map is empty", start);
        }

        if (text[start] == '(' && text[end - 1] == ')')
        {
            return (start + 1, end - 1);
        }

        // "<...>" around the whole map (the ATA convention) versus a map that starts with a <a:b> substitution:
        // the outer form's first '<' closes at the very end and has no ':' of its own.
        if (text[start] == '<' && text[end - 1] == '>')
        {
            var depth = 0;
            var colonAtTop = false;
            for (var i = start; i < end; i++)
            {
                switch (text[i])
                {
                    case '<':
                        depth++;
                        break;
                    case '>':
                        depth--;
                        if (depth == 0 && i != end - 1)
                        {
                            return (start, end);
                        }

                        break;
                    case ':' when depth == 1:
                        colonAtTop = true;
                        break;
                    default:
                        break;
                }
            }

            return colonAtTop ? (start, end) : (start + 1, end - 1);
        }

        return (start, end);
    }

    private List<DigitMapAlternative> Alternatives()
    {
        var alternatives = new List<DigitMapAlternative>();
        while (true)
        {
            if (alternatives.Count == MaxAlternatives)
            {
                throw new DigitMapException($"more than {MaxAlternatives} alternatives", _pos);
            }

            alternatives.Add(Alternative());
            if (_pos >= _end)
            {
                return alternatives;
            }

            // Alternative() stops only at '|' or the end.
            _pos++;
        }
    }

    private DigitMapAlternative Alternative()
    {
        var start = _pos;
        var elements = new List<DigitMapElement>();
        var inserts = new List<StringBuilder?>();
        while (true)
        {
            SkipSpace();
            if (_pos >= _end || _text[_pos] == '|')
            {
                break;
            }

            var c = _text[_pos];
            switch (c)
            {
                case '<':
                    Substitution(elements, inserts);
                    break;
                case '.':
                    Repeat(elements);
                    break;
                default:
                    Add(elements, new DigitMapElement(SingleKeySet(), Repeat: false, Emit: true));
                    break;
            }
        }

        if (elements.Count == 0 && inserts.Count == 0)
        {
            throw new DigitMapException("empty alternative (check for '||', a leading or a trailing '|')", start);
        }

        if (elements.Count == 0)
        {
            throw new DigitMapException("an alternative must match at least one key, not only substitute", start);
        }

        var texts = new string[elements.Count + 1];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = i < inserts.Count ? inserts[i]?.ToString() ?? string.Empty : string.Empty;
        }

        if (!elements.Exists(e => e.Emit) && Array.TrueForAll(texts, t => t.Length == 0))
        {
            throw new DigitMapException("this alternative would dial an empty number (everything keyed is stripped)", start);
        }

        return new DigitMapAlternative(elements, texts);
    }

    private void Add(List<DigitMapElement> elements, DigitMapElement element)
    {
        if (elements.Count == DigitMapAlternative.MaxElements)
        {
            throw new DigitMapException($"an alternative may have at most {DigitMapAlternative.MaxElements} elements", _pos);
        }

        elements.Add(element);
    }

    private void Repeat(List<DigitMapElement> elements)
    {
        var at = _pos;
        _pos++;
        if (elements.Count == 0 || elements[^1].Repeat || !PreviousIsElement(at))
        {
            throw new DigitMapException("'.' must follow a key, 'x' or a [range] (it repeats that element zero or more times)", at);
        }

        elements[^1] = elements[^1] with { Repeat = true };
    }

    private bool PreviousIsElement(int dot)
    {
        var i = dot - 1;
        while (i >= 0 && char.IsWhiteSpace(_text[i]))
        {
            i--;
        }

        return i >= 0 && _text[i] is not ('>' or '.' or '|');
    }

    private void Substitution(List<DigitMapElement> elements, List<StringBuilder?> inserts)
    {
        var open = _pos;
        _pos++;
        var at = elements.Count;
        while (true)
        {
            SkipSpace();
            if (_pos >= _end)
            {
                throw new DigitMapException("'<' substitution is not closed; expected <keys:replacement>", open);
            }

            var c = _text[_pos];
            if (c == ':')
            {
                _pos++;
                break;
            }

            if (c is '.' or '<' or '>' or '|')
            {
                throw new DigitMapException($"'{c}' is not allowed before ':' in a <keys:replacement> substitution", _pos);
            }

            Add(elements, new DigitMapElement(SingleKeySet(), Repeat: false, Emit: false));
        }

        var replacement = new StringBuilder();
        while (true)
        {
            SkipSpace();
            if (_pos >= _end)
            {
                throw new DigitMapException("'<' substitution is not closed; expected '>'", open);
            }

            var c = _text[_pos];
            if (c == '>')
            {
                _pos++;
                break;
            }

            if (!DigitKeys.IsDialChar(c))
            {
                throw new DigitMapException($"'{c}' is not allowed in a replacement; use 0-9, *, # or +", _pos);
            }

            if (replacement.Length == MaxInsert)
            {
                throw new DigitMapException($"a replacement may have at most {MaxInsert} characters", _pos);
            }

            replacement.Append(c);
            _pos++;
        }

        while (inserts.Count <= at)
        {
            inserts.Add(null);
        }

        (inserts[at] ??= new StringBuilder()).Append(replacement);
    }

    private ushort SingleKeySet()
    {
        var c = _text[_pos];
        switch (c)
        {
            case 'x' or 'X':
                _pos++;
                return DigitKeys.AnyDigit;
            case '[':
                return Range();
            case (>= '0' and <= '9') or '*' or '#':
                _pos++;
                return (ushort)(1 << DigitKeys.IndexOf(c));
            case 'S' or 's' or 'L' or 'l' or 'T' or 't':
                throw new DigitMapException($"timer marker '{c}' is not supported; the collector's short and long timers apply (see DialPlanTimers)", _pos);
            case '(' or ')':
                throw new DigitMapException($"'{c}' is only allowed around the whole map", _pos);
            case '>':
                throw new DigitMapException("'>' without a matching '<'", _pos);
            default:
                throw new DigitMapException($"unexpected '{Printable(c)}'; expected 0-9, *, #, x, [range], <a:b>, '.' or '|'", _pos);
        }
    }

    private ushort Range()
    {
        var open = _pos;
        _pos++;
        ushort set = 0;
        while (true)
        {
            if (_pos >= _end)
            {
                throw new DigitMapException("'[' range is not closed with ']'", open);
            }

            var c = _text[_pos];
            if (c == ']')
            {
                _pos++;
                return set != 0 ? set : throw new DigitMapException("empty range '[]'", open);
            }

            if (c is not ((>= '0' and <= '9') or '*' or '#'))
            {
                throw new DigitMapException($"'{Printable(c)}' is not allowed in a range; use digits, a-b spans, * or #", _pos);
            }

            if (_pos + 2 < _end && _text[_pos + 1] == '-' && _text[_pos + 2] != ']')
            {
                var last = _text[_pos + 2];
                if (c is not (>= '0' and <= '9') || last is not (>= '0' and <= '9'))
                {
                    throw new DigitMapException("a span a-b must join two digits", _pos);
                }

                if (last < c)
                {
                    throw new DigitMapException($"span {c}-{last} is reversed; write {last}-{c}", _pos);
                }

                for (var d = c; d <= last; d++)
                {
                    set |= (ushort)(1 << (d - '0'));
                }

                _pos += 3;
                continue;
            }

            set |= (ushort)(1 << DigitKeys.IndexOf(c));
            _pos++;
        }
    }

    private void SkipSpace()
    {
        while (_pos < _end && char.IsWhiteSpace(_text[_pos]))
        {
            _pos++;
        }
    }

    private static string Printable(char c) => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString();
}
