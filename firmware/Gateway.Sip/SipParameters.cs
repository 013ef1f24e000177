using System.Collections;
using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Sip;

/// <summary>An ordered parameter list; names compare case-insensitively (RFC 3261 §19.1.4, §20).</summary>
public sealed class SipParameters : IReadOnlyList<SipParameter>
{
    private readonly SipParameter[] _items;

    internal SipParameters(SipParameter[] items) => _items = items;

    /// <summary>An empty list.</summary>
    public static SipParameters Empty { get; } = new([]);

    /// <inheritdoc/>
    public int Count => _items.Length;

    /// <inheritdoc/>
    public SipParameter this[int index] => _items[index];

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
    public IEnumerator<SipParameter> GetEnumerator() => ((IEnumerable<SipParameter>)_items).GetEnumerator();

    /// <inheritdoc/>
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Formats the list as it would appear on the wire, each item preceded by ';'.</summary>
    /// <returns>The text.</returns>
    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var p in _items)
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
        for (var i = 0; i < _items.Length; i++)
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
        List<SipParameter>? list = null;
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

            (list ??= []).Add(param);
        }

        return list is null ? Empty : new SipParameters([.. list]);
    }
}
