using System.Collections.Frozen;
using System.Text;

namespace Gateway.Sip.Message;

/// <summary>Maps header field names, long or compact, in any case, to <see cref="SipHeaderId"/> and back.</summary>
public static class SipHeaderNames
{
    private static readonly string[] s_canonical = BuildCanonical();

    // Compact forms from RFC 3261 §7.3.3 and the extensions that registered one.
    private static readonly SipHeaderId[] s_compact = BuildCompact();

    private static readonly (byte[] Name, SipHeaderId Id)[][] s_byLength = BuildByLength();

    // The wire bytes of each canonical name, so the writer encodes no name it already knows.
    private static readonly byte[]?[] s_canonicalBytes = [.. s_canonical.Select(n => n.Length == 0 ? null : Encoding.ASCII.GetBytes(n))];

    private static readonly FrozenDictionary<string, byte[]> s_bytesByName =
        s_canonical.Where(n => n.Length > 0).ToFrozenDictionary(n => n, n => Encoding.ASCII.GetBytes(n), StringComparer.Ordinal);

    /// <summary>Resolves a field name without allocating.</summary>
    /// <param name="name">The name as written in the message.</param>
    /// <returns>The header, or <see cref="SipHeaderId.Unknown"/>.</returns>
    public static SipHeaderId Identify(ReadOnlySpan<byte> name)
    {
        if (name.Length == 1)
        {
            var c = name[0] | 0x20;
            return c is >= 'a' and <= 'z' ? s_compact[c - 'a'] : SipHeaderId.Unknown;
        }

        // Few names share a length, so a length bucket plus an ASCII case-insensitive compare beats hashing.
        if (name.Length >= s_byLength.Length)
        {
            return SipHeaderId.Unknown;
        }

        foreach (var (candidate, id) in s_byLength[name.Length])
        {
            if (Ascii.EqualsIgnoreCase(name, candidate))
            {
                return id;
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

    private static (byte[] Name, SipHeaderId Id)[][] BuildByLength()
    {
        var maxLength = s_canonical.Max(n => n.Length);
        var buckets = new List<(byte[], SipHeaderId)>[maxLength + 1];
        for (var i = 0; i < buckets.Length; i++)
        {
            buckets[i] = [];
        }

        for (var i = 1; i < s_canonical.Length; i++)
        {
            buckets[s_canonical[i].Length].Add((Encoding.ASCII.GetBytes(s_canonical[i]), (SipHeaderId)i));
        }

        return [.. buckets.Select(b => b.ToArray())];
    }

    /// <summary>Resolves a field name given as a string.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The header, or <see cref="SipHeaderId.Unknown"/>.</returns>
    public static SipHeaderId Identify(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Identify(Encoding.ASCII.GetBytes(name));
    }
}
