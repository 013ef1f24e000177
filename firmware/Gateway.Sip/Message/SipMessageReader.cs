using System.Buffers;

namespace Gateway.Sip.Message;

/// <summary>
/// Framing (RFC 3261 §18.3): one message per datagram on UDP, Content-Length-delimited messages on
/// streams. Produces <see cref="SipMessage"/> objects that own a copy of exactly their bytes.
/// </summary>
public static class SipMessageReader
{
    /// <summary>
    /// Parses one UDP datagram. Without Content-Length the body is the rest of the datagram; octets
    /// beyond Content-Length are discarded; a datagram that ends without the empty line is treated as
    /// ending its header section there.
    /// </summary>
    /// <param name="datagram">The datagram.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <returns>The message or the first framing/syntax error.</returns>
    public static SipParseResult ParseDatagram(ReadOnlySpan<byte> datagram, SipParserOptions? options = null) =>
        Parse(datagram, null, options);

    /// <summary>Parses a message the caller hands over: when it fills the array exactly, the message keeps the array instead of a copy.</summary>
    internal static SipParseResult ParseOwned(byte[] message, SipParserOptions? options = null) => Parse(message, message, options);

    private static SipParseResult Parse(ReadOnlySpan<byte> datagram, byte[]? owned, SipParserOptions? options)
    {
        options ??= SipParserOptions.Default;
        var skip = SipParser.SkipLeadingCrlf(datagram);
        var rest = datagram[skip..];
        var looksLikeResponse = rest.Length >= 4 && rest[..4].SequenceEqual("SIP/"u8);
        if (datagram.Length > options.MaxMessageSize)
        {
            return Fail(SipParseErrorCode.MessageTooLarge, options.MaxMessageSize, "datagram exceeds the maximum message size", looksLikeResponse);
        }

        if (rest.IsEmpty)
        {
            return Fail(SipParseErrorCode.InvalidStartLine, skip, "empty message", false);
        }

        var end = rest.IndexOf("\r\n\r\n"u8);
        var headLength = end < 0 ? rest.Length : end;
        var bodyStart = end < 0 ? rest.Length : end + 4;
        var sink = new MessageSink(options.MaxHeaderCount);
        if (!SipHeadScanner.TryScan(rest[..headLength], ref sink, options, out var error))
        {
            return new SipParseResult(null, error with { Offset = error.Offset + skip }, looksLikeResponse);
        }

        var available = rest.Length - bodyStart;
        var bodyLength = available;
        if (sink.ContentLength >= 0)
        {
            if (sink.ContentLength > available)
            {
                return Fail(SipParseErrorCode.ContentLengthExceedsDatagram, skip + sink.ContentLengthOffset, $"Content-Length {sink.ContentLength} exceeds the {available} body bytes in the datagram", looksLikeResponse);
            }

            bodyLength = (int)sink.ContentLength;
        }

        var length = bodyStart + bodyLength;
        var buffer = owned is not null && skip == 0 && length == owned.Length ? owned : rest[..length].ToArray();
        return new SipParseResult(SipMessage.Create(buffer, sink, bodyStart, bodyLength), default, looksLikeResponse);
    }

    /// <summary>
    /// Reads one message from a stream buffer. On <see cref="SipParseStatus.Complete"/> the buffer is
    /// advanced past the message (and past keep-alive CRLFs before it); on
    /// <see cref="SipParseStatus.NeedMoreData"/> it is unchanged. After <see cref="SipParseStatus.Invalid"/>
    /// framing is lost and the connection should be closed.
    /// </summary>
    /// <param name="buffer">Received, unconsumed bytes.</param>
    /// <param name="message">The message on success.</param>
    /// <param name="error">The error when invalid; offsets are relative to the buffer start.</param>
    /// <param name="options">Limits; defaults when null.</param>
    /// <returns>The status.</returns>
    public static SipParseStatus TryReadStream(ref ReadOnlySequence<byte> buffer, out SipMessage? message, out SipParseError error, SipParserOptions? options = null)
    {
        options ??= SipParserOptions.Default;
        message = null;
        error = default;
        var reader = new SequenceReader<byte>(buffer);
        while (reader.IsNext("\r\n"u8, advancePast: true))
        {
        }

        var skip = (int)reader.Consumed;
        var start = reader.Position;
        if (!reader.TryReadTo(out ReadOnlySequence<byte> headSequence, "\r\n\r\n"u8, advancePastDelimiter: true))
        {
            if (reader.Remaining >= options.MaxMessageSize)
            {
                error = new SipParseError(SipParseErrorCode.MessageTooLarge, skip + options.MaxMessageSize, "header section exceeds the maximum message size");
                return SipParseStatus.Invalid;
            }

            return SipParseStatus.NeedMoreData;
        }

        var headLength = (int)Math.Min(headSequence.Length, int.MaxValue);
        if (headLength + 4 > options.MaxMessageSize)
        {
            error = new SipParseError(SipParseErrorCode.MessageTooLarge, skip + options.MaxMessageSize, "header section exceeds the maximum message size");
            return SipParseStatus.Invalid;
        }

        var sink = new MessageSink(options.MaxHeaderCount);
        bool ok;
        if (headSequence.IsSingleSegment)
        {
            ok = SipHeadScanner.TryScan(headSequence.FirstSpan, ref sink, options, out error);
        }
        else
        {
            var rented = ArrayPool<byte>.Shared.Rent(headLength);
            try
            {
                headSequence.CopyTo(rented);
                ok = SipHeadScanner.TryScan(rented.AsSpan(0, headLength), ref sink, options, out error);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }

        if (!ok)
        {
            error = error with { Offset = error.Offset + skip };
            return SipParseStatus.Invalid;
        }

        if (sink.ContentLength < 0)
        {
            error = new SipParseError(SipParseErrorCode.MissingContentLength, skip + headLength, "Content-Length is mandatory on stream transports");
            return SipParseStatus.Invalid;
        }

        var total = headLength + 4 + sink.ContentLength;
        if (total > options.MaxMessageSize)
        {
            error = new SipParseError(SipParseErrorCode.MessageTooLarge, skip + sink.ContentLengthOffset, "Content-Length makes the message exceed the maximum message size");
            return SipParseStatus.Invalid;
        }

        var messageSequence = buffer.Slice(start);
        if (messageSequence.Length < total)
        {
            return SipParseStatus.NeedMoreData;
        }

        var bytes = new byte[total];
        messageSequence.Slice(0, total).CopyTo(bytes);
        message = SipMessage.Create(bytes, sink, headLength + 4, (int)sink.ContentLength);
        buffer = messageSequence.Slice(total);
        return SipParseStatus.Complete;
    }

    private static SipParseResult Fail(SipParseErrorCode code, long offset, string detail, bool looksLikeResponse) =>
        new(null, new SipParseError(code, offset, detail), looksLikeResponse);
}
