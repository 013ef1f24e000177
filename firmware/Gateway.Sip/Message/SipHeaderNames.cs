using System.Collections.Frozen;
using System.Runtime.InteropServices;
using System.Text;

namespace Gateway.Sip.Message;

/// <summary>Maps header field names, long or compact, in any case, to <see cref="SipHeaderId"/> and back.</summary>
public static class SipHeaderNames
{
    private static readonly string[] s_canonical = BuildCanonical();

    // Compact forms from RFC 3261 §7.3.3 and the extensions that registered one.
    private static readonly SipHeaderId[] s_compact = BuildCompact();

    private static readonly NameEntry[][] s_byLength = BuildByLength();

    // The wire bytes of each canonical name, so the writer encodes no name it already knows.
    private static readonly byte[]?[] s_canonicalBytes = [.. s_canonical.Select(n => n.Length == 0 ? null : Encoding.ASCII.GetBytes(n))];

    private static readonly FrozenDictionary<string, byte[]> s_bytesByName =
        s_canonical.Where(n => n.Length > 0).ToFrozenDictionary(n => n, n => Encoding.ASCII.GetBytes(n), StringComparer.Ordinal);

    /// <summary>Resolves a field name without allocating.</summary>
    /// <param name="name">The name as written in the message.</param>
    /// <returns>The header, or <see cref="SipHeaderId.Unknown"/>.</returns>
    public static SipHeaderId Identify(ReadOnlySpan<byte> name) =>
        name.ContainsAnyExcept(SipChars.Token) ? SipHeaderId.Unknown : IdentifyToken(name);

    /// <summary>Resolves a name the caller has checked is a token (the scanner has): only then is OR-ing 0x20 a case fold.</summary>
    internal static SipHeaderId IdentifyToken(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var c = name[0] | 0x20;
            return c is >= 'a' and <= 'z' ? s_compact[c - 'a'] : SipHeaderId.Unknown;
        }

        // Few names share a length, and none shares length, first and last letter, so the first full compare is nearly always the hit.
        if ((uint)name.Length >= (uint)s_byLength.Length)
        {
            return SipHeaderId.Unknown;
        }

        var key = Key(name);
        foreach (var entry in s_byLength[name.Length])
        {
            if (entry.Key == key && EqualsLower(name, entry.Lower))
            {
                return entry.Id;
            }
        }

        return SipHeaderId.Unknown;
    }

    /// <summary>The canonical long name used when the stack writes a header, e.g. "Call-ID".</summary>
    /// <param name="id">A known header.</param>
    /// <returns>The canonical name; empty for <see cref="SipHeaderId.Unknown"/>.</returns>
    public static string GetCanonicalName(SipHeaderId id) =>
        (uint)id < (uint)s_canonical.Length ? s_canonical[(int)id] : string.Empty;

    /// <summary>The canonical name's wire bytes; callers must not modify the array.</summary>
    internal static byte[]? GetCanonicalBytes(SipHeaderId id) =>
        (uint)id < (uint)s_canonicalBytes.Length ? s_canonicalBytes[(int)id] : null;

    /// <summary>The wire bytes of a name spelled exactly as its canonical form, else null.</summary>
    internal static byte[]? GetCanonicalBytes(string name) => s_bytesByName.GetValueOrDefault(name);

    private static string[] BuildCanonical()
    {
        var names = new string[(int)SipHeaderId.WwwAuthenticate + 1];
        names[(int)SipHeaderId.Unknown] = string.Empty;
        names[(int)SipHeaderId.Accept] = "Accept";
        names[(int)SipHeaderId.AcceptContact] = "Accept-Contact";
        names[(int)SipHeaderId.AlertInfo] = "Alert-Info";
        names[(int)SipHeaderId.Allow] = "Allow";
        names[(int)SipHeaderId.AllowEvents] = "Allow-Events";
        names[(int)SipHeaderId.Authorization] = "Authorization";
        names[(int)SipHeaderId.CallId] = "Call-ID";
        names[(int)SipHeaderId.Contact] = "Contact";
        names[(int)SipHeaderId.ContentEncoding] = "Content-Encoding";
        names[(int)SipHeaderId.ContentLength] = "Content-Length";
        names[(int)SipHeaderId.ContentType] = "Content-Type";
        names[(int)SipHeaderId.CSeq] = "CSeq";
        names[(int)SipHeaderId.Date] = "Date";
        names[(int)SipHeaderId.Event] = "Event";
        names[(int)SipHeaderId.Expires] = "Expires";
        names[(int)SipHeaderId.From] = "From";
        names[(int)SipHeaderId.Geolocation] = "Geolocation";
        names[(int)SipHeaderId.Identity] = "Identity";
        names[(int)SipHeaderId.IdentityInfo] = "Identity-Info";
        names[(int)SipHeaderId.MaxForwards] = "Max-Forwards";
        names[(int)SipHeaderId.MinExpires] = "Min-Expires";
        names[(int)SipHeaderId.PAssertedIdentity] = "P-Asserted-Identity";
        names[(int)SipHeaderId.ProxyAuthenticate] = "Proxy-Authenticate";
        names[(int)SipHeaderId.ProxyAuthorization] = "Proxy-Authorization";
        names[(int)SipHeaderId.ProxyRequire] = "Proxy-Require";
        names[(int)SipHeaderId.RecordRoute] = "Record-Route";
        names[(int)SipHeaderId.ReferredBy] = "Referred-By";
        names[(int)SipHeaderId.ReferTo] = "Refer-To";
        names[(int)SipHeaderId.RejectContact] = "Reject-Contact";
        names[(int)SipHeaderId.RequestDisposition] = "Request-Disposition";
        names[(int)SipHeaderId.Require] = "Require";
        names[(int)SipHeaderId.Route] = "Route";
        names[(int)SipHeaderId.SessionExpires] = "Session-Expires";
        names[(int)SipHeaderId.Subject] = "Subject";
        names[(int)SipHeaderId.Supported] = "Supported";
        names[(int)SipHeaderId.To] = "To";
        names[(int)SipHeaderId.Unsupported] = "Unsupported";
        names[(int)SipHeaderId.Via] = "Via";
        names[(int)SipHeaderId.WwwAuthenticate] = "WWW-Authenticate";
        return names;
    }

    private static SipHeaderId[] BuildCompact()
    {
        var map = new SipHeaderId[26];
        void Set(char c, SipHeaderId id) => map[c - 'a'] = id;
        Set('a', SipHeaderId.AcceptContact);
        Set('b', SipHeaderId.ReferredBy);
        Set('c', SipHeaderId.ContentType);
        Set('d', SipHeaderId.RequestDisposition);
        Set('e', SipHeaderId.ContentEncoding);
        Set('f', SipHeaderId.From);
        Set('i', SipHeaderId.CallId);
        Set('j', SipHeaderId.RejectContact);
        Set('k', SipHeaderId.Supported);
        Set('l', SipHeaderId.ContentLength);
        Set('m', SipHeaderId.Contact);
        Set('n', SipHeaderId.IdentityInfo);
        Set('o', SipHeaderId.Event);
        Set('r', SipHeaderId.ReferTo);
        Set('s', SipHeaderId.Subject);
        Set('t', SipHeaderId.To);
        Set('u', SipHeaderId.AllowEvents);
        Set('v', SipHeaderId.Via);
        Set('x', SipHeaderId.SessionExpires);
        Set('y', SipHeaderId.Identity);
        return map;
    }

    private static NameEntry[][] BuildByLength()
    {
        var maxLength = s_canonical.Max(n => n.Length);
        var buckets = new List<NameEntry>[maxLength + 1];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        for (var i = 1; i < s_canonical.Length; i++)
        {
            var lower = Encoding.ASCII.GetBytes(s_canonical[i].ToLowerInvariant());
            buckets[lower.Length].Add(new NameEntry(Key(lower), (SipHeaderId)i, lower));
        }

        return [.. buckets.Select(b => b.ToArray())];
    }

    private static ushort Key(ReadOnlySpan<byte> name) => (ushort)(((name[0] | 0x20) << 8) | (name[^1] | 0x20));

    /// <summary>Compares a token with a lower-case name of the same length (at least 2) a word at a time.</summary>
    private static bool EqualsLower(ReadOnlySpan<byte> name, ReadOnlySpan<byte> lower)
    {
        var n = name.Length;
        if (n >= 8)
        {
            const ulong Fold = 0x2020202020202020;
            for (var i = 0; i < n - 8; i += 8)
            {
                if ((MemoryMarshal.Read<ulong>(name[i..]) | Fold) != MemoryMarshal.Read<ulong>(lower[i..]))
                {
                    return false;
                }
            }

            return (MemoryMarshal.Read<ulong>(name[(n - 8)..]) | Fold) == MemoryMarshal.Read<ulong>(lower[(n - 8)..]);
        }

        if (n >= 4)
        {
            const uint Fold = 0x20202020;
            return (MemoryMarshal.Read<uint>(name) | Fold) == MemoryMarshal.Read<uint>(lower)
                && (MemoryMarshal.Read<uint>(name[(n - 4)..]) | Fold) == MemoryMarshal.Read<uint>(lower[(n - 4)..]);
        }

        const ushort Fold16 = 0x2020;
        return (MemoryMarshal.Read<ushort>(name) | Fold16) == MemoryMarshal.Read<ushort>(lower)
            && (MemoryMarshal.Read<ushort>(name[(n - 2)..]) | Fold16) == MemoryMarshal.Read<ushort>(lower[(n - 2)..]);
    }

    private readonly record struct NameEntry(ushort Key, SipHeaderId Id, byte[] Lower);

    /// <summary>Resolves a field name given as a string.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The header, or <see cref="SipHeaderId.Unknown"/>.</returns>
    public static SipHeaderId Identify(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Identify(Encoding.ASCII.GetBytes(name));
    }
}
