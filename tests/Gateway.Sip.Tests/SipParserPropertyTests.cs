using System.Buffers;
using System.Text;
using CsCheck;
using Gateway.Sip.Message;
using Gateway.Sip.Tests.Conformance;

namespace Gateway.Sip.Tests;

public class SipParserPropertyTests
{
    private static readonly Func<SipMessage, object?>[] s_accessors =
    [
        m => m.Via, m => m.From, m => m.To, m => m.CallId, m => m.CSeq, m => m.Contact, m => m.Route, m => m.RecordRoute,
        m => m.MaxForwards, m => m.Expires, m => m.MinExpires, m => m.WwwAuthenticate, m => m.ProxyAuthenticate,
        m => m.Authorization, m => m.ProxyAuthorization, m => m.ContentType, m => m.Accept, m => m.Allow, m => m.Supported,
        m => m.Require, m => m.ProxyRequire, m => m.Unsupported, m => m.AlertInfo, m => m.Geolocation, m => m.PAssertedIdentity,
        m => (m as SipRequest)?.RequestUri,
    ];

    private static readonly byte[][] s_seeds = LoadSeeds();

    [Fact]
    public void Parse_RandomBytes_OnlyParserErrors() =>
        Gen.Byte.Array[0, 1200].Sample(AssertOnlyParseErrors, iter: 3000);

    [Fact]
    public void Parse_RandomSipLikeText_OnlyParserErrors()
    {
        var alphabet = Encoding.ASCII.GetBytes("SIP/2.0 INVITE sip:@;=,<>\"\\:\r\n\t%0123456789abcVia:To:From:CSeq:l:m:");
        Gen.Int[0, alphabet.Length - 1].Array[0, 600].Select(ix => ix.Select(i => alphabet[i]).ToArray())
            .Sample(AssertOnlyParseErrors, iter: 3000);
    }

    [Fact]
    public void Parse_MutatedValidMessages_OnlyParserErrors()
    {
        var gen =
            from seed in Gen.Int[0, s_seeds.Length - 1]
            from edits in Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100000], Gen.Byte).Array[1, 8]
            select Mutate(s_seeds[seed], edits);
        gen.Sample(AssertOnlyParseErrors, iter: 4000);
    }

    [Fact]
    public void TryReadStream_ValidMessagesInRandomChunks_ReadsTheSameMessages()
    {
        var gen = Gen.Int[1, 400].Array[1, 30];
        gen.Sample(chunkSizes =>
        {
            var input = s_seeds[0].Concat(SampleMessages.RegisterOkBytes).Concat(SampleMessages.InviteBytes).ToArray();
            var received = new List<byte>();
            var messages = new List<SipMessage>();
            var offset = 0;
            var i = 0;
            while (offset < input.Length)
            {
                var take = Math.Min(chunkSizes[i++ % chunkSizes.Length], input.Length - offset);
                received.AddRange(input.AsSpan(offset, take));
                offset += take;
                var buffer = new ReadOnlySequence<byte>(received.ToArray());
                while (SipMessageReader.TryReadStream(ref buffer, out var message, out var error) is var status && status != SipParseStatus.NeedMoreData)
                {
                    Assert.True(status == SipParseStatus.Complete, error.ToString());
                    messages.Add(message!);
                }

                received = [.. buffer.ToArray()];
            }

            Assert.Equal(3, messages.Count);
            Assert.Empty(received);
        }, iter: 300);
    }

    [Fact]
    public void BuildThenParse_GeneratedMessages_PreservesEveryHeader()
    {
        var tokenChars = Encoding.ASCII.GetBytes("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.!%*_+`'~");
        var valueChars = Encoding.ASCII.GetBytes("abc XYZ 0123;=,<>\"@:/\\\t%");
        var token = Gen.Int[0, tokenChars.Length - 1].Array[1, 12].Select(ix => Encoding.ASCII.GetString(ix.Select(i => tokenChars[i]).ToArray()));
        var value = Gen.Int[0, valueChars.Length - 1].Array[0, 40]
            .Select(ix => Encoding.ASCII.GetString(ix.Select(i => valueChars[i]).ToArray()).Trim(' ', '\t'));
        var gen = Gen.Select(token, Gen.Select(token, value).Array[0, 20], Gen.Byte.Array[0, 300]);

        gen.Sample(t =>
        {
            var (method, headers, body) = t;
            var builder = SipMessageBuilder.ForRequest(method, "sip:x@example.com");
            foreach (var (name, v) in headers.Where(h => SipHeaderNames.Identify(h.Item1) is not (SipHeaderId.ContentLength or SipHeaderId.ContentType)))
            {
                builder.AddHeader(name, v);
            }

            builder.SetBody(body, "application/octet-stream");

            var message = (SipRequest)builder.Build();

            var expected = headers.Where(h => SipHeaderNames.Identify(h.Item1) is not (SipHeaderId.ContentLength or SipHeaderId.ContentType)).ToArray();
            Assert.Equal(method, message.Method.ToString());
            Assert.Equal(expected.Length + 2, message.HeaderCount);
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i].Item1, message.GetHeader(i).Name.ToString());
                Assert.Equal(expected[i].Item2, message.GetHeader(i).Value.ToString());
            }

            Assert.Equal(body, message.Body.ToArray());
        }, iter: 1000);
    }

    private static void AssertOnlyParseErrors(byte[] data)
    {
        var result = SipMessageReader.ParseDatagram(data);
        if (result.Message is { } message)
        {
            foreach (var accessor in s_accessors)
            {
                try
                {
                    _ = accessor(message);
                }
                catch (SipParseException)
                {
                    // The parser's own error type is the only acceptable failure.
                }
            }

            var error = message.FindFirstSyntaxError();
            Assert.True(error is null || (error.Value.Offset >= 0 && error.Value.Offset <= message.Raw.Length), $"offset {error} outside the message");

            var writer = new ArrayBufferWriter<byte>();
            message.WriteTo(writer);
            var again = SipMessageReader.ParseDatagram(writer.WrittenSpan);
            Assert.True(again.IsSuccess, $"re-serialized message no longer parses: {again.Error}");
            Assert.Equal(message.HeaderCount + (message.DeclaredContentLength is null ? 1 : 0) - Math.Max(0, message.CountOf(SipHeaderId.ContentLength) - 1), again.Message.HeaderCount);
        }
        else
        {
            Assert.NotEqual(SipParseErrorCode.None, result.Error.Code);
            Assert.InRange(result.Error.Offset, 0, data.Length);
        }

        _ = new SipInboundFilter().Evaluate(data);
        var sequence = new ReadOnlySequence<byte>(data);
        _ = SipMessageReader.TryReadStream(ref sequence, out _, out _);
        _ = SipParser.TryParseMessage(data, new RecordingHandler(), out _, out _);
    }

    private static byte[] Mutate(byte[] seed, (int Kind, int Position, byte Value)[] edits)
    {
        var bytes = seed.ToList();
        foreach (var (kind, position, value) in edits)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            switch (kind)
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = value;
                    break;
                case 1:
                    bytes.Insert(at, value);
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(at);
                    break;
                default:
                    break;
            }
        }

        return [.. bytes];
    }

    private static byte[][] LoadSeeds() =>
        [SampleMessages.InviteBytes, SampleMessages.RegisterOkBytes, .. ConformanceCorpus.ReadManifest().Select(r => ConformanceCorpus.Read(r.File))];
}
