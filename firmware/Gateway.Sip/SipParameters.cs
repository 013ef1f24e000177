using System.Collections;
using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip;

/// <summary>An ordered parameter list; names compare case-insensitively (RFC 3261 §19.1.4, §20).</summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;
    private readonly int _count;

    internal SipParameters(SipParameter[] items)
        : this(items, items.Length)
    {
    }

    // Parsers hand over their growth buffer with a count, so a list costs one array, not a list plus a copy.
    private SipParameters(SipParameter[] items, int count)
    {
        _items = items;
        _count = count;
    }

    /// <summary>An empty list.</summary>
    public static SipParameters Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _count;

    /// <inheritdoc/>
    public SipParameter this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)_count, nameof(index));
            return _items[index];
        }
    }

    /// <summary>True when a parameter of that name is present.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Presence.</returns>
    public bool Contains(string name) => IndexOf(name) >= 0;

    /// <summary>Finds a parameter's value.</summary>
    /// <param name="name">The name.</param>
    /// <param name="value">The value; empty for a flag parameter.</param>
    /// <returns>True when present.</returns>
    public bool TryGetValue(string name, out SipText value)
    {
        var i = IndexOf(name);
        value = i >= 0 ? _items[i].Value : default;
        return i >= 0;
    }

    /// <summary>A parameter's value decoded as a string, or null when absent.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The value or null.</returns>
    public string? GetString(string name) => TryGetValue(name, out var v) ? v.ToString() : null;

    /// <inheritdoc/>
    public IEnumerator<SipParameter> GetEnumerator() => _items.Take(_count).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Formats the list as it would appear on the wire, each item preceded by ';'.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var p in this)
        {
            sb.Append(';').Append(p.Name.ToString());
            if (p.HasValue)
            {
                sb.Append('=');
                sb.Append(p.IsQuoted ? $"\"{p.Value}\"" : p.Value.ToString());
            }
        }

        return sb.ToString();
    }

    private int IndexOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        for (var i = 0; i < _count; i++)
        {
            if (_items[i].Name.EqualsIgnoreCase(name))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Parses *( SEMI generic-param ) where generic-param = token [ EQUAL gen-value ].</summary>
    internal static SipParameters ParseGeneric(ref SipCursor cursor)
    {
        var list = default(Builder);
        while (cursor.TrySeparator((byte)';'))
        {
            var name = cursor.ReadWhile(SipChars.Token);
            if (name.IsEmpty)
            {
                cursor.Throw(SipParseErrorCode.InvalidParameter, "empty parameter");
            }

            var param = new SipParameter(new SipText(name), default, false, false);
            if (cursor.TrySeparator((byte)'='))
            {
                if (cursor.Peek == '"')
                {
                    param = param with { Value = new SipText(cursor.ReadQuotedString()), HasValue = true, IsQuoted = true };
                }
                else
                {
                    var value = cursor.ReadWhile(SipChars.TokenOrHost);
                    if (value.IsEmpty)
                    {
                        cursor.Throw(SipParseErrorCode.InvalidParameter, $"parameter '{new SipText(name)}' has an empty value");
                    }

                    param = param with { Value = new SipText(value), HasValue = true };
                }
            }

            list.Add(param);
        }

        return list.Build();
    }

    /// <summary>Collects parameters into one growing array.</summary>
    internal struct Builder
    {
        private SipParameter[]? _buffer;
        private int _count;

        public void Add(SipParameter parameter)
        {
            if (_buffer is null)
            {
                _buffer = new SipParameter[4];
            }
            else if (_count == _buffer.Length)
            {
                Array.Resize(ref _buffer, _count * 2);
            }

            _buffer[_count++] = parameter;
        }

        public readonly SipParameters Build() => _buffer is null ? Empty : new SipParameters(_buffer, _count);
    }
}
