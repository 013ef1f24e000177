using System.Buffers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Fuzz;

/// <summary>Everything the network can reach: framing, the handler parser, typed headers, validation, serialization.</summary>
public static class FuzzTarget
{
    public static void Run(ReadOnlySpan<byte> data)
    {
        _ = new SipInboundFilter().Evaluate(data);
        _ = SipParser.TryParseMessage(data, new IgnoringHandler(), out _, out _);
        var sequence = new ReadOnlySequence<byte>(data.ToArray());
        _ = SipMessageReader.TryReadStream(ref sequence, out _, out _);

        var message = SipMessageReader.ParseDatagram(data).Message;
        if (message is null)
        {
            return;
        }

        _ = message.FindFirstSyntaxError();
        try
        {
            _ = (message.Via, message.From, message.To, message.CallId, message.CSeq, message.Contact, message.Route,
                message.MaxForwards, message.Expires, message.WwwAuthenticate, message.Authorization, message.ContentType,
                message.Accept, message.Require, message.AlertInfo, message.Geolocation, message.PAssertedIdentity);
        }
        catch (SipParseException)
        {
            // The parser's own error is the one allowed outcome; anything else crashes the fuzzer.
        }

        var writer = new ArrayBufferWriter<byte>();
        message.WriteTo(writer);
        if (!SipMessageReader.ParseDatagram(writer.WrittenSpan).IsSuccess)
        {
            throw new InvalidOperationException("a parsed message no longer parses after serialization");
        }
    }

    private sealed class IgnoringHandler : ISipParseHandler
    {
        public void OnRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> version)
        {
        }

        public void OnStatusLine(ReadOnlySpan<byte> version, int statusCode, ReadOnlySpan<byte> reasonPhrase)
        {
        }

        public void OnHeader(SipHeaderId id, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
        }

        public void OnHeadersComplete()
        {
        }
    }
}
