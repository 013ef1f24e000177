using Gateway.Sip.Headers;

namespace Gateway.Sip.Message;

/// <summary>Typed header accessors; each parses on first use and caches, and throws <see cref="SipParseException"/> on bad syntax.</summary>
public abstract partial class SipMessage
{
    private object?[]? _typed;
    private ulong _parsedMask;
    private object? _viaSlot;
    private object? _fromSlot;
    private object? _toSlot;
    private object? _callIdSlot;
    private object? _cseqSlot;

    /// <summary>The Via values of all Via lines, top first.</summary>
    public IReadOnlyList<SipVia> Via => List(SipHeaderId.Via, false, SipVia.Parse);

    /// <summary>The From header, or null when absent.</summary>
    public SipNameAddress? From => SingleRef(SipHeaderId.From, static (v, o) => SipNameAddress.Parse(v, o));

    /// <summary>The To header, or null when absent.</summary>
    public SipNameAddress? To => SingleRef(SipHeaderId.To, static (v, o) => SipNameAddress.Parse(v, o));

    /// <summary>The Call-ID, or null when absent.</summary>
    public SipText? CallId => SingleValue(SipHeaderId.CallId, SipTypedHeaders.ParseCallId);

    /// <summary>The CSeq, or null when absent.</summary>
    public SipCSeq? CSeq => SingleRef(SipHeaderId.CSeq, SipCSeq.Parse);

    /// <summary>The Contact header(s), or null when absent.</summary>
    public SipContactList? Contact => Cached(SipHeaderId.Contact, static m =>
    {
        var lines = m.Lines(SipHeaderId.Contact);
        return lines.Count == 0 ? null : SipContactList.Parse(lines);
    });

    /// <summary>The Route set, in order.</summary>
    public IReadOnlyList<SipNameAddress> Route => List(SipHeaderId.Route, false, SipTypedHeaders.ParseRoute);

    /// <summary>The Record-Route set, in order.</summary>
    public IReadOnlyList<SipNameAddress> RecordRoute => List(SipHeaderId.RecordRoute, false, SipTypedHeaders.ParseRoute);

    /// <summary>P-Asserted-Identity values (RFC 3325).</summary>
    public IReadOnlyList<SipNameAddress> PAssertedIdentity => List(SipHeaderId.PAssertedIdentity, false, SipTypedHeaders.ParseIdentity);

    /// <summary>Max-Forwards (0 to 255), or null when absent.</summary>
    public int? MaxForwards => SingleValue(SipHeaderId.MaxForwards, SipTypedHeaders.ParseMaxForwards);

    /// <summary>Expires in seconds, clamped to 2^32-1, or null when absent.</summary>
    public uint? Expires => SingleValue(SipHeaderId.Expires, SipTypedHeaders.ParseDeltaSeconds);

    /// <summary>Min-Expires in seconds, or null when absent.</summary>
    public uint? MinExpires => SingleValue(SipHeaderId.MinExpires, SipTypedHeaders.ParseDeltaSeconds);

    /// <summary>WWW-Authenticate challenges, one per line.</summary>
    public IReadOnlyList<SipAuthChallenge> WwwAuthenticate => PerLine(SipHeaderId.WwwAuthenticate, SipAuthChallenge.Parse);

    /// <summary>Proxy-Authenticate challenges, one per line.</summary>
    public IReadOnlyList<SipAuthChallenge> ProxyAuthenticate => PerLine(SipHeaderId.ProxyAuthenticate, SipAuthChallenge.Parse);

    /// <summary>Authorization credentials, one per line.</summary>
    public IReadOnlyList<SipAuthCredentials> Authorization => PerLine(SipHeaderId.Authorization, SipAuthCredentials.Parse);

    /// <summary>Proxy-Authorization credentials, one per line.</summary>
    public IReadOnlyList<SipAuthCredentials> ProxyAuthorization => PerLine(SipHeaderId.ProxyAuthorization, SipAuthCredentials.Parse);

    /// <summary>The Content-Type, or null when absent.</summary>
    public SipMediaType? ContentType => SingleRef(SipHeaderId.ContentType, SipMediaType.Parse);

    /// <summary>The Accept media ranges, or null when there is no Accept header (an empty list means "no body accepted").</summary>
    public IReadOnlyList<SipMediaType>? Accept =>
        CountOf(SipHeaderId.Accept) == 0 ? null : List(SipHeaderId.Accept, true, SipMediaType.Parse);

    /// <summary>Allow methods.</summary>
    public IReadOnlyList<SipText> Allow => List(SipHeaderId.Allow, true, SipTypedHeaders.ParseToken);

    /// <summary>Supported option tags.</summary>
    public IReadOnlyList<SipText> Supported => List(SipHeaderId.Supported, true, SipTypedHeaders.ParseToken);

    /// <summary>Require option tags.</summary>
    public IReadOnlyList<SipText> Require => List(SipHeaderId.Require, false, SipTypedHeaders.ParseToken);

    /// <summary>Proxy-Require option tags.</summary>
    public IReadOnlyList<SipText> ProxyRequire => List(SipHeaderId.ProxyRequire, false, SipTypedHeaders.ParseToken);

    /// <summary>Unsupported option tags.</summary>
    public IReadOnlyList<SipText> Unsupported => List(SipHeaderId.Unsupported, false, SipTypedHeaders.ParseToken);

    /// <summary>Alert-Info values.</summary>
    public IReadOnlyList<SipUriReference> AlertInfo => List(SipHeaderId.AlertInfo, false, SipUriReference.Parse);

    /// <summary>Geolocation values (RFC 6442).</summary>
    public IReadOnlyList<SipUriReference> Geolocation => List(SipHeaderId.Geolocation, false, SipUriReference.Parse);

    private T? Cached<T>(SipHeaderId id, Func<SipMessage, T?> factory) =>
        TryCached(id, out T? cached) ? cached : Store(id, factory(this));

    private bool TryCached<T>(SipHeaderId id, out T? value)
    {
        if ((_parsedMask & (1UL << (int)id)) != 0)
        {
            value = (T?)Slot(id);
            return true;
        }

        value = default;
        return false;
    }

    private T? Store<T>(SipHeaderId id, T? value)
    {
        Slot(id) = value;
        _parsedMask |= 1UL << (int)id;
        return value;
    }

    // The headers every transaction reads get their own fields, so reading only them allocates no cache array.
    private ref object? Slot(SipHeaderId id)
    {
        switch (id)
        {
            case SipHeaderId.Via:
                return ref _viaSlot;
            case SipHeaderId.From:
                return ref _fromSlot;
            case SipHeaderId.To:
                return ref _toSlot;
            case SipHeaderId.CallId:
                return ref _callIdSlot;
            case SipHeaderId.CSeq:
                return ref _cseqSlot;
            default:
                _typed ??= new object?[(int)SipHeaderId.WwwAuthenticate + 1];
                return ref _typed[(int)id];
        }
    }

    // The cache is checked before any closure exists, so a repeated read allocates nothing.
    private T? SingleRef<T>(SipHeaderId id, Func<ReadOnlyMemory<byte>, long, T> parse)
        where T : class
    {
        if (TryCached(id, out T? cached))
        {
            return cached;
        }

        var h = FindSingle(id);
        return Store(id, h is { } x ? parse(_buffer.AsMemory(x.ValueStart, x.ValueLength), x.ValueStart) : null);
    }

    private T? SingleValue<T>(SipHeaderId id, Func<ReadOnlyMemory<byte>, long, T> parse)
        where T : struct
    {
        if (TryCached(id, out T? cached))
        {
            return cached;
        }

        var h = FindSingle(id);
        return Store<T?>(id, h is { } x ? parse(_buffer.AsMemory(x.ValueStart, x.ValueLength), x.ValueStart) : null);
    }

    private IReadOnlyList<T> List<T>(SipHeaderId id, bool allowEmpty, Func<ReadOnlyMemory<byte>, long, T> parse)
    {
        if (TryCached(id, out IReadOnlyList<T>? cached))
        {
            return cached!;
        }

        List<T>? list = null;
        for (var i = 0; i < _headerCount; i++)
        {
            var h = _headers[i];
            if (h.Id == id)
            {
                list = SipTypedHeaders.ParseList(_buffer.AsMemory(h.ValueStart, h.ValueLength), h.ValueStart, allowEmpty, parse, list);
            }
        }

        return Store(id, (IReadOnlyList<T>?)list ?? [])!;
    }

    private IReadOnlyList<T> PerLine<T>(SipHeaderId id, Func<ReadOnlyMemory<byte>, long, T> parse)
    {
        if (TryCached(id, out IReadOnlyList<T>? cached))
        {
            return cached!;
        }

        var list = new List<T>();
        foreach (var (value, offset) in Lines(id))
        {
            list.Add(parse(value, offset));
        }

        return Store(id, (IReadOnlyList<T>)list)!;
    }

    private SipHeaderSpan? FindSingle(SipHeaderId id)
    {
        SipHeaderSpan? found = null;
        for (var i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id != id)
            {
                continue;
            }

            if (found is not null)
            {
                throw new SipParseException(new SipParseError(SipParseErrorCode.DuplicateHeader, _headers[i].NameStart, $"{SipHeaderNames.GetCanonicalName(id)} appears more than once"));
            }

            found = _headers[i];
        }

        return found;
    }

    private List<(ReadOnlyMemory<byte> Value, long Offset)> Lines(SipHeaderId id)
    {
        var lines = new List<(ReadOnlyMemory<byte>, long)>();
        for (var i = 0; i < _headerCount; i++)
        {
            if (_headers[i].Id == id)
            {
                lines.Add((_buffer.AsMemory(_headers[i].ValueStart, _headers[i].ValueLength), _headers[i].ValueStart));
            }
        }

        return lines;
    }
}
