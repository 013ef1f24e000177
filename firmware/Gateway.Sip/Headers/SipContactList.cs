using Gateway.Sip.Message;

namespace Gateway.Sip.Headers;

/// <summary>The Contact header(s) of a message: either "*" or a list of addresses (RFC 3261 §20.10).</summary>
public sealed class SipContactList
{
    private SipContactList(bool isWildcard, IReadOnlyList<SipNameAddress> items)
    {
        IsWildcard = isWildcard;
        Items = items;
    }

    /// <summary>True for "Contact: *" (REGISTER removal of all bindings).</summary>
    public bool IsWildcard { get; }

    /// <summary>The contacts; empty for the wildcard.</summary>
    public IReadOnlyList<SipNameAddress> Items { get; }

    /// <summary>Parses the values of all Contact header lines.</summary>
    /// <param name="values">Each header line's value with its offset in the message.</param>
    /// <returns>The list.</returns>
    /// <exception cref="SipParseException">A value is malformed, or "*" is mixed with addresses.</exception>
    public static SipContactList Parse(IReadOnlyList<(ReadOnlyMemory<byte> Value, long Offset)> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 1 && values[0].Value.Span.Trim(" \t"u8).SequenceEqual("*"u8))
        {
            return new SipContactList(true, []);
        }

        var items = new List<SipNameAddress>();
        foreach (var (value, offset) in values)
        {
            SipList.ForEach(value, offset, allowEmpty: false, items, static (element, at, list) =>
            {
                if (element.Span.SequenceEqual("*"u8))
                {
                    throw new SipParseException(new SipParseError(SipParseErrorCode.InvalidHeaderValue, at, "'*' must be the only Contact value"));
                }

                list.Add(SipNameAddress.Parse(element, at));
            });
        }

        return new SipContactList(false, items);
    }
}
