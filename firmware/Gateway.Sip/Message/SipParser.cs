using System.Buffers;

namespace Gateway.Sip.Message;

/// <summary>
/// Kestrel-style incremental parser for a SIP start line and header section. Incomplete input is a
/// normal result: the reader is left untouched and the handler is not called until the whole header
/// section is present, so a caller can simply retry when more bytes arrive.
/// </summary>
public static class SipParser
{
    private const int StackUnfoldLimit = 512;

    /// <summary>
    /// Parses the start line and headers at the reader's position, calling <paramref name="handler"/>
    /// for each part, and on success advances the reader past the empty line that ends the headers.
    /// Leading CRLFs (stream keep-alives, RFC 3261 §7.5) are skipped. The body is not consumed.
    /// </summary>
    /// <typeparam name="THandler">The handler; a class, or a struct that holds references, as it is passed by value.</typeparam>
    /// <param name="reader">The input; advanced only on <see cref="SipParseStatus.Complete"/>.</param>
    /// <param name="handler">Receives the start line and headers.</param>
    /// <param name="error">The failure, with its offset from the reader's position, when the result is <see cref="SipParseStatus.Invalid"/>.</param>
    /// <param name="options">Limits; <see cref="SipParserOptions.Default"/> when null.</param>
    /// <returns>Whether the header section was parsed, is incomplete, or is invalid.</returns>
    public static SipParseStatus TryParseMessage<THandler>(ref SequenceReader<byte> reader, THandler handler, out SipParseError error, SipParserOptions? options = null)
        where THandler : ISipParseHandler
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= SipParserOptions.Default;
        return typeof(THandler).IsValueType
            ? Parse(ref reader, handler, out error, options)
            : Parse(ref reader, new ReferenceHandler(handler), out error, options);
    }

    /// <summary>Parses the start line and headers of a contiguous buffer.</summary>
    /// <typeparam name="THandler">The handler type.</typeparam>
    /// <param name="input">The input.</param>
    /// <param name="handler">Receives the start line and headers.</param>
    /// <param name="consumed">Bytes consumed through the empty line, when complete.</param>
    /// <param name="error">The failure when invalid.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <returns>Whether the header section was parsed, is incomplete, or is invalid.</returns>
    public static SipParseStatus TryParseMessage<THandler>(ReadOnlySpan<byte> input, THandler handler, out int consumed, out SipParseError error, SipParserOptions? options = null)
        where THandler : ISipParseHandler
    {
        ArgumentNullException.ThrowIfNull(handler);
        options ??= SipParserOptions.Default;
        return typeof(THandler).IsValueType
            ? Parse(input, handler, out consumed, out error, options)
            : Parse(input, new ReferenceHandler(handler), out consumed, out error, options);
    }

    private static SipParseStatus Parse<THandler>(ref SequenceReader<byte> reader, THandler handler, out SipParseError error, SipParserOptions options)
        where THandler : ISipParseHandler
    {
        var probe = reader;
        long skipped = 0;
        while (probe.IsNext("\r\n"u8, advancePast: true))
        {
            skipped += 2;
        }

        if (!probe.TryReadTo(out ReadOnlySequence<byte> headSequence, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            error = default;
            if (probe.Remaining >= options.MaxMessageSize)
            {
                error = new SipParseError(SipParseErrorCode.MessageTooLarge, skipped + options.MaxMessageSize, "header section exceeds the maximum message size");
                return SipParseStatus.Invalid;
            }

            return SipParseStatus.NeedMoreData;
        }

        if (headSequence.Length + 4 > options.MaxMessageSize)
        {
            error = new SipParseError(SipParseErrorCode.MessageTooLarge, skipped + options.MaxMessageSize, "header section exceeds the maximum message size");
            return SipParseStatus.Invalid;
        }

        var sink = new HandlerSink<THandler>(handler);
        bool ok;
        if (headSequence.IsSingleSegment)
        {
            ok = SipHeadScanner.TryScan(headSequence.FirstSpan, ref sink, options, out error);
        }
        else
        {
            // Slow path, as in Kestrel: a header section split across segments is copied once into a pooled buffer.
            var length = (int)headSequence.Length;
            var rented = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                headSequence.CopyTo(rented);
                ok = SipHeadScanner.TryScan(rented.AsSpan(0, length), ref sink, options, out error);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (!ok)
        {
            error = error with { Offset = error.Offset + skipped };
            return SipParseStatus.Invalid;
        }

        handler.OnHeadersComplete();
        reader = probe;
        return SipParseStatus.Complete;
    }

    private static SipParseStatus Parse<THandler>(ReadOnlySpan<byte> input, THandler handler, out int consumed, out SipParseError error, SipParserOptions options)
        where THandler : ISipParseHandler
    {
        consumed = 0;
        var skipped = SkipLeadingCrlf(input);
        var rest = input[skipped..];
        var end = rest.IndexOf("\r\n\r\n"u8);
        if (end < 0 || end + 4 > options.MaxMessageSize)
        {
            error = default;
            if (end >= 0 || rest.Length >= options.MaxMessageSize)
            {
                error = new SipParseError(SipParseErrorCode.MessageTooLarge, skipped + options.MaxMessageSize, "header section exceeds the maximum message size");
                return SipParseStatus.Invalid;
            }

            return SipParseStatus.NeedMoreData;
        }

        var sink = new HandlerSink<THandler>(handler);
        if (!SipHeadScanner.TryScan(rest[..end], ref sink, options, out error))
        {
            error = error with { Offset = error.Offset + skipped };
            return SipParseStatus.Invalid;
        }

        handler.OnHeadersComplete();
        consumed = skipped + end + 4;
        return SipParseStatus.Complete;
    }

    internal static int SkipLeadingCrlf(ReadOnlySpan<byte> input)
    {
        var i = 0;
        while (i + 1 < input.Length && input[i] == (byte)'\r' && input[i + 1] == (byte)'\n')
        {
            i += 2;
        }

        return i;
    }

    /// <summary>
    /// Wraps a handler class so the scanner is compiled for this struct instead of shared generic code,
    /// which would look up the handler's type in a runtime dictionary on every header.
    /// </summary>
    private readonly struct ReferenceHandler(ISipParseHandler inner) : ISipParseHandler
    {
        public void OnRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> version) =>
            inner.OnRequestLine(method, requestUri, version);

        public void OnStatusLine(ReadOnlySpan<byte> version, int statusCode, ReadOnlySpan<byte> reasonPhrase) =>
            inner.OnStatusLine(version, statusCode, reasonPhrase);

        public void OnHeader(SipHeaderId id, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => inner.OnHeader(id, name, value);

        public void OnHeadersComplete() => inner.OnHeadersComplete();
    }

    private readonly struct HandlerSink<THandler>(THandler handler) : IHeadSink
        where THandler : ISipParseHandler
    {
        public void Prepare(int lineBreaks)
        {
        }

        public void OnRequestLine(ReadOnlySpan<byte> head, int lineLength, int methodLength, int uriStart, int uriLength, int versionStart) =>
            handler.OnRequestLine(head[..methodLength], head.Slice(uriStart, uriLength), head[versionStart..lineLength]);

        public void OnStatusLine(ReadOnlySpan<byte> head, int lineLength, int versionLength, int statusCode, int reasonStart, int reasonLength) =>
            handler.OnStatusLine(head[..versionLength], statusCode, head.Slice(reasonStart, reasonLength));

        public bool OnHeader(ReadOnlySpan<byte> head, in SipHeaderSpan header, out SipParseError error)
        {
            error = default;
            var name = head.Slice(header.NameStart, header.NameLength);
            var value = head.Slice(header.ValueStart, header.ValueLength);
            if (!header.Folded)
            {
                handler.OnHeader(header.Id, name, value);
                return true;
            }

            // Only folded values are copied; CRLF is dropped and the white space after it stays, which RFC 3261 §7.3.1 makes equivalent.
            byte[]? rented = null;
            var scratch = value.Length <= StackUnfoldLimit
                ? stackalloc byte[StackUnfoldLimit]
                : (rented = ArrayPool<byte>.Shared.Rent(value.Length));
            try
            {
                var n = Unfold(value, scratch);
                handler.OnHeader(header.Id, name, scratch[..n]);
            }
            finally
            {
                if (rented is not null)
                {
                    ArrayPool<byte>.Shared.Return(rented);
                }
            }

            return true;
        }

        private static int Unfold(ReadOnlySpan<byte> value, Span<byte> destination)
        {
            var n = 0;
            foreach (var b in value)
            {
                if (b is not ((byte)'\r' or (byte)'\n'))
                {
                    destination[n++] = b;
                }
            }

            return n;
        }
    }
}
