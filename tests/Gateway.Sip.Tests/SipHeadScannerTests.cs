using System.Buffers;
using System.Text;
using CsCheck;
using Gateway.Sip.Message;
using Gateway.Sip.Tests.Conformance;

namespace Gateway.Sip.Tests;

/// <summary>
/// The scanner has an indexed fast path (line ends from one vectorized pass) and a byte-by-byte path
/// for everything the index refuses; these tests hold the two to the same answers.
/// </summary>
public class SipHeadScannerTests
{
    private static readonly byte[][] s_seeds =
        [SampleMessages.InviteBytes, SampleMessages.RegisterOkBytes, .. ConformanceCorpus.ReadManifest().Select(r => ConformanceCorpus.Read(r.File))];

    // Bytes that sit on the scanner's decisions: line breaks, folding white space, the colon, non-token bytes.
    private static readonly byte[] s_edgeBytes = Encoding.ASCII.GetBytes("\r\n\r\n \t:;a\0\u007f");

    [Fact]
    public void TryScan_CorpusAndMutations_AgreesWithPreciseScanner()
    {
        foreach (var seed in s_seeds)
        {
            AssertSameAsPrecise(Head(seed));
        }

        var edit = Gen.Select(Gen.Int[0, 2], Gen.Int[0, 100000], Gen.OneOf(Gen.Byte, Gen.Int[0, s_edgeBytes.Length - 1].Select(i => s_edgeBytes[i])));
        var gen =
            from seed in Gen.Int[0, s_seeds.Length - 1]
            from edits in edit.Array[1, 6]
            select Mutate(s_seeds[seed], edits);
        gen.Sample(m => AssertSameAsPrecise(Head(m)), iter: 5000);
    }

    [Fact]
    public void TryScan_RandomLineSoup_AgreesWithPreciseScanner()
    {
        var alphabet = Encoding.ASCII.GetBytes("INVITE sip:a@b SIP/2.0\r\n\r\n\r\n \t\t::Via:l:x");
        Gen.Int[0, alphabet.Length - 1].Array[0, 300].Select(ix => ix.Select(i => alphabet[i]).ToArray())
            .Sample(AssertSameAsPrecise, iter: 5000);
    }

    [Fact]
    public void ParseDatagram_FoldAtEveryBlockAlignment_Unfolds()
    {
        // Moves a folded value's CRLF SP across every position of the 64-byte index words, including a CR
        // that is the last byte of one word with its LF in the next.
        for (var pad = 0; pad < 130; pad++)
        {
            var text = $"OPTIONS sip:a@b SIP/2.0\r\nX-Pad: {new string('p', pad)}\r\nSubject: one\r\n two\r\n\t three\r\nl: 0\r\n\r\n";
            var result = SipMessageReader.ParseDatagram(Encoding.ASCII.GetBytes(text));

            Assert.True(result.IsSuccess, $"pad {pad}: {result.Error}");
            Assert.Equal("one   two  \t three", result.Message.GetValues("Subject").Single().ToString());
            Assert.Equal(3, result.Message.HeaderCount);
        }
    }

    [Fact]
    public void ParseDatagram_CrWithoutLfAtEveryBlockAlignment_IsBareLineBreak()
    {
        for (var pad = 0; pad < 130; pad++)
        {
            var prefix = $"OPTIONS sip:a@b SIP/2.0\r\nX-Pad: {new string('p', pad)}";
            var result = SipMessageReader.ParseDatagram(Encoding.ASCII.GetBytes(prefix + "\rx\r\nl: 0\r\n\r\n"));

            Assert.False(result.IsSuccess);
            Assert.Equal(SipParseErrorCode.BareLineBreak, result.Error.Code);
            Assert.Equal(prefix.Length, result.Error.Offset);
        }
    }

    [Theory]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia: x\ny\r\n\r\n", 31)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r", 31)]
    [InlineData("OPTIONS sip:a@b SIP/2.0\r\nVia: x\r\r\n\r\n", 31)]
    public void ParseDatagram_LineBreakNotCrLf_IsBareLineBreakAtItsOffset(string text, int offset)
    {
        var result = SipMessageReader.ParseDatagram(Encoding.ASCII.GetBytes(text));

        Assert.Equal(SipParseErrorCode.BareLineBreak, result.Error.Code);
        Assert.Equal(offset, result.Error.Offset);
    }

    [Fact]
    public void ParseDatagram_HeadersEndWithoutEmptyLine_KeepsTheLastHeader()
    {
        // A datagram may end right after a header line's CRLF, or even without it.
        foreach (var text in new[] { "SIP/2.0 200 OK\r\nCall-ID: abc\r\n", "SIP/2.0 200 OK\r\nCall-ID: abc" })
        {
            var result = SipMessageReader.ParseDatagram(Encoding.ASCII.GetBytes(text));

            Assert.True(result.IsSuccess, result.Error.ToString());
            Assert.Equal("abc", result.Message.CallId!.Value.ToString());
        }
    }

    [Fact]
    public void ParseDatagram_HeadTooLargeToIndex_ParsesThroughPreciseScanner()
    {
        var options = new SipParserOptions { MaxHeaderCount = 2000 };
        var text = new StringBuilder("OPTIONS sip:a@b SIP/2.0\r\n");
        for (var i = 0; text.Length < 30_000; i++)
        {
            text.Append("X-H").Append(i).Append(": v\r\n ").Append(i).Append("\r\n");
        }

        var head = Encoding.ASCII.GetBytes(text.Append("l: 0\r\n\r\n").ToString());
        var result = SipMessageReader.ParseDatagram(head, options);

        Assert.True(result.IsSuccess, result.Error.ToString());
        Assert.Equal("v   7", result.Message.GetValues("X-H7").Single().ToString());
        AssertSameAsPrecise(Head(head), options);
    }

    [Fact]
    public void TokenTable_MatchesTokenSearchValues()
    {
        for (var b = 0; b < 256; b++)
        {
            Assert.Equal(SipChars.Token.Contains((byte)b), SipChars.IsToken((byte)b));
        }
    }

    [Theory]
    [InlineData("call-id", SipHeaderId.CallId)]
    [InlineData("WWW-AUTHENTICATE", SipHeaderId.WwwAuthenticate)]
    [InlineData("p-asserted-IDENTITY", SipHeaderId.PAssertedIdentity)]
    [InlineData("Call_ID", SipHeaderId.Unknown)]
    [InlineData("Call-IE", SipHeaderId.Unknown)]
    [InlineData("Dall-ID", SipHeaderId.Unknown)]
    [InlineData("Contacts", SipHeaderId.Unknown)]
    [InlineData("Call\rID", SipHeaderId.Unknown)]
    [InlineData("T", SipHeaderId.To)]
    public void Identify_CaseAndNearMisses(string name, SipHeaderId expected) =>
        Assert.Equal(expected, SipHeaderNames.Identify(Encoding.ASCII.GetBytes(name)));

    [Fact]
    public void TryParseMessage_StructHandler_SeesWhatAClassHandlerSees()
    {
        // Class handlers go through a struct wrapper and struct handlers are used as they are: both must agree.
        foreach (var input in s_seeds)
        {
            var byClass = new RecordingHandler();
            var byStruct = new StructHandler(new RecordingHandler());
            var classStatus = SipParser.TryParseMessage(input, byClass, out var classConsumed, out var classError);
            var structStatus = SipParser.TryParseMessage(input, byStruct, out var structConsumed, out var structError);
            var reader = new SequenceReader<byte>(new ReadOnlySequence<byte>(input));
            var byStructStream = new StructHandler(new RecordingHandler());
            var streamStatus = SipParser.TryParseMessage(ref reader, byStructStream, out var streamError);

            Assert.Equal(classStatus, structStatus);
            Assert.Equal(classStatus, streamStatus);
            Assert.Equal(classConsumed, structConsumed);
            Assert.Equal(classError, structError);
            Assert.Equal(classError, streamError);
            Assert.Equal(byClass.StartLine, byStruct.Inner.StartLine);
            Assert.Equal(byClass.Headers, byStruct.Inner.Headers);
            Assert.Equal(byClass.Headers, byStructStream.Inner.Headers);
        }
    }

    private static byte[] Head(byte[] message)
    {
        var end = message.AsSpan().IndexOf("\r\n\r\n"u8);
        return end < 0 ? message : message[..end];
    }

    private static void AssertSameAsPrecise(byte[] head) => AssertSameAsPrecise(head, SipParserOptions.Default);

    private static void AssertSameAsPrecise(byte[] head, SipParserOptions options)
    {
        var fast = new RecordingSink();
        var fastOk = SipHeadScanner.TryScan(head, ref fast, options, out var fastError);
        var precise = new RecordingSink();
        var preciseOk = SipHeadScanner.TryScanPrecise(head, ref precise, options, out var preciseError);

        var input = Encoding.Latin1.GetString(head);
        Assert.True(preciseOk == fastOk, $"ok {fastOk} vs {preciseOk} for {input}");
        Assert.True(preciseError == fastError, $"{fastError} vs {preciseError} for {input}");
        Assert.True(precise.Events.SequenceEqual(fast.Events), $"events differ for {input}:\n{string.Join('\n', fast.Events)}\n--\n{string.Join('\n', precise.Events)}");
    }

    private static byte[] Mutate(byte[] seed, (int Kind, int Position, byte Value)[] edits)
    {
        var bytes = seed.ToList();
        foreach (var (kind, position, value) in edits)
        {
            var at = bytes.Count == 0 ? 0 : position % bytes.Count;
            if (kind == 0 && bytes.Count > 0)
            {
                bytes[at] = value;
            }
            else if (kind == 1)
            {
                bytes.Insert(at, value);
            }
            else if (bytes.Count > 0)
            {
                bytes.RemoveAt(at);
            }
        }

        return [.. bytes];
    }

    private readonly struct StructHandler(RecordingHandler inner) : ISipParseHandler
    {
        public RecordingHandler Inner => inner;

        public void OnRequestLine(ReadOnlySpan<byte> method, ReadOnlySpan<byte> requestUri, ReadOnlySpan<byte> version) =>
            inner.OnRequestLine(method, requestUri, version);

        public void OnStatusLine(ReadOnlySpan<byte> version, int statusCode, ReadOnlySpan<byte> reasonPhrase) =>
            inner.OnStatusLine(version, statusCode, reasonPhrase);

        public void OnHeader(SipHeaderId id, ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => inner.OnHeader(id, name, value);

        public void OnHeadersComplete() => inner.OnHeadersComplete();
    }

    private readonly struct RecordingSink() : IHeadSink
    {
        public List<string> Events { get; } = [];

        public void Prepare(int lineBreaks) => Events.Add($"prepare {lineBreaks}");

        public void OnRequestLine(ReadOnlySpan<byte> head, int lineLength, int methodLength, int uriStart, int uriLength, int versionStart) =>
            Events.Add($"request {lineLength} {methodLength} {uriStart} {uriLength} {versionStart}");

        public void OnStatusLine(ReadOnlySpan<byte> head, int lineLength, int versionLength, int statusCode, int reasonStart, int reasonLength) =>
            Events.Add($"status {lineLength} {versionLength} {statusCode} {reasonStart} {reasonLength}");

        public bool OnHeader(ReadOnlySpan<byte> head, in SipHeaderSpan header, out SipParseError error)
        {
            Events.Add(header.ToString());
            error = default;
            return true;
        }
    }
}
