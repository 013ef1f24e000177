using System.Buffers;
using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Uris;

namespace Gateway.Sip.Tests.Conformance;

/// <summary>What a compliant UA endpoint does with each RFC 4475 file, per the manifest's expected and note columns.</summary>
public sealed record Expectation(SipInboundAction Action, int StatusCode, Action<SipInboundDecision, byte[]>? Check = null)
{
    /// <summary>True where the manifest's semantic error is itself a framing error, so "valid" does not imply "parses".</summary>
    public bool FramingIsTheError { get; init; }
}

public static class Rfc4475Expectations
{
    private static Expectation Accept(Action<SipInboundDecision, byte[]>? check = null) => new(SipInboundAction.Accept, 0, check);

    private static Expectation Respond(int code, Action<SipInboundDecision, byte[]>? check = null) => new(SipInboundAction.Respond, code, check);

    private static Expectation Drop(Action<SipInboundDecision, byte[]>? check = null) => new(SipInboundAction.Drop, 0, check);

    private static SipRequest Req(SipInboundDecision d) => Assert.IsType<SipRequest>(d.Message);

    private static SipResponse Resp(SipInboundDecision d) => Assert.IsType<SipResponse>(d.Message);

    private static SipParseStatus Stream(byte[] bytes, out SipParseError error)
    {
        var sequence = new ReadOnlySequence<byte>(bytes);
        return SipMessageReader.TryReadStream(ref sequence, out _, out error);
    }

    public static IReadOnlyDictionary<string, Expectation> ByFile { get; } = new Dictionary<string, Expectation>(StringComparer.Ordinal)
    {
        ["wsinv.dat"] = Accept((d, _) =>
        {
            var r = Req(d);
            Assert.Equal(68, r.MaxForwards);
            Assert.Equal(9u, r.CSeq!.Number);
            Assert.Equal(3, r.Via.Count);
            Assert.Equal("TCP", r.Via[1].Transport.ToString());
            Assert.Equal("z9hG4bK30239", r.Via[2].Branch);
            Assert.Equal(";;,,;;,;", r.GetValues("UnknownHeaderWithUnusualValue").Single().ToString());
            Assert.Contains("continued newfangled value", r.GetValues("NewFangledHeader").Single().ToString(), StringComparison.Ordinal);
            Assert.Equal("J Rosenberg \\\\\\\"", r.From!.DisplayName.ToString());
            Assert.Equal("98asjd8", r.From.Tag);
            Assert.Equal("1918181833n", r.To!.Tag);
            Assert.Equal(0.33, r.Contact!.Items[0].Q);
            Assert.Equal(150, r.Body.Length);
        }),
        ["intmeth.dat"] = Respond(501, (d, _) =>
        {
            Assert.Contains(d.Validation!.ExtraHeaders, h => h.Key == "Allow");
            Assert.Equal([0x07, 0x00, 0x7F], Req(d).To!.DisplayName.Span.ToArray().Where(b => b is 0x07 or 0x00 or 0x7F));
        }),
        ["esc01.dat"] = Accept((d, _) =>
        {
            var r = Req(d);
            Assert.Equal("sips:user@example.com", ((SipUri)r.RequestUri).UnescapedUser);
            Assert.Equal("user", ((SipUri)r.To!.Uri).UnescapedUser);
            var contact = (SipUri)r.Contact!.Items[0].Uri;
            Assert.Equal("v%61lue%25%34%31", contact.Parameters.GetString("n%61me"));
            Assert.Equal("value%41", SipEscaping.UnescapeToString(contact.Parameters[1].Value.Span));
        }),
        ["escnull.dat"] = Accept((d, _) =>
        {
            var r = Req(d);
            Assert.Equal("null-\0-null", ((SipUri)r.To!.Uri).UnescapedUser);
            var users = r.Contact!.Items.Select(c => ((SipUri)c.Uri).UnescapedUser).ToArray();
            Assert.Equal(["\0", "\0\0"], users);
        }),
        ["esc02.dat"] = Respond(501, (d, _) =>
        {
            var r = Req(d);
            Assert.Equal("RE%47IST%45R", r.Method.ToString());
            Assert.Equal(2, r.Contact!.Items.Count);
            Assert.Equal("%Z%45", r.To!.DisplayName.ToString());
        }),
        ["lwsdisp.dat"] = Accept((d, _) => Assert.Equal("caller", Req(d).From!.DisplayName.ToString())),
        ["longreq.dat"] = Accept((d, b) => Assert.Equal(b.Length, d.Message!.Raw.Length)),
        ["dblreq.dat"] = Accept((d, b) =>
        {
            Assert.Equal("REGISTER", Req(d).Method.ToString());
            Assert.True(d.Message!.Body.IsEmpty);
            Assert.True(d.Message.Raw.Length < b.Length);
        }),
        ["semiuri.dat"] = Accept((d, _) =>
        {
            var uri = (SipUri)Req(d).RequestUri;
            Assert.Equal("user;par=u@example.net", uri.UnescapedUser);
            Assert.Equal("example.com", uri.Host.ToString());
            Assert.Empty(uri.Parameters);
        }),
        ["transports.dat"] = Accept((d, _) =>
            Assert.Equal(["UDP", "SCTP", "TLS", "UNKNOWN", "TCP"], Req(d).Via.Select(v => v.Transport.ToString()))),
        ["mpart01.dat"] = Respond(415, (d, _) =>
        {
            Assert.Equal(553, d.Message!.Body.Length);
            Assert.True(d.Message.ContentType!.Is("multipart/mixed"));
            Assert.Equal("7a9cbec02ceef655", d.Message.ContentType.Parameters.GetString("boundary"));
        }),
        ["unreason.dat"] = Accept((d, _) =>
        {
            var r = Resp(d);
            Assert.Equal(200, r.StatusCode);
            Assert.Contains('=', r.ReasonPhrase.ToString());
            Assert.Contains(r.ReasonPhrase.ToString(), c => c is >= '\u0400' and <= '\u04FF');
        }),
        ["noreason.dat"] = Accept((d, _) =>
        {
            Assert.Equal(100, Resp(d).StatusCode);
            Assert.True(Resp(d).ReasonPhrase.IsEmpty);
        }),
        ["badinv01.dat"] = Respond(400),
        ["clerr.dat"] = Respond(400, (_, b) => Assert.Equal(SipParseStatus.NeedMoreData, Stream(b, out SipParseError _))),
        ["ncl.dat"] = Respond(400, (d, b) =>
        {
            Assert.Equal(SipParseErrorCode.InvalidContentLength, d.ParseError!.Value.Code);
            Assert.Equal(SipParseStatus.Invalid, Stream(b, out SipParseError _));
        }),
        ["scalar02.dat"] = Respond(400, (d, _) => Assert.Contains("CSeq", d.Detail, StringComparison.Ordinal)),
        ["scalarlg.dat"] = Drop(),
        ["quotbal.dat"] = Respond(400),
        ["ltgtruri.dat"] = Respond(400, (d, _) => Assert.Equal(SipParseErrorCode.InvalidRequestUri, d.ParseError!.Value.Code)),
        ["lwsruri.dat"] = Respond(400, (d, _) => Assert.NotNull(d.ParseError)),
        ["lwsstart.dat"] = Respond(400, (d, _) => Assert.NotNull(d.ParseError)),
        ["trws.dat"] = Respond(400, (d, _) => Assert.NotNull(d.ParseError)),
        ["escruri.dat"] = Respond(400, (d, _) => Assert.Contains("Request-URI", d.Detail, StringComparison.Ordinal)),
        ["baddate.dat"] = Accept(),
        ["regbadct.dat"] = Respond(400),
        ["badaspec.dat"] = Respond(400),
        ["baddn.dat"] = Respond(400, (d, _) => Assert.NotNull(d.Message)),
        ["badvers.dat"] = Respond(505),
        ["mismatch01.dat"] = Respond(400, (d, _) => Assert.Contains("CSeq", d.Detail, StringComparison.Ordinal)),
        ["mismatch02.dat"] = Respond(501),
        ["bigcode.dat"] = Drop((d, _) => Assert.Equal(SipParseErrorCode.InvalidStatusCode, d.ParseError!.Value.Code)),
        ["badbranch.dat"] = Accept((d, _) => Assert.False(Req(d).Via[0].HasRfc3261Branch)),
        ["insuf.dat"] = Respond(400),
        ["unkscm.dat"] = Respond(416, (d, _) => Assert.IsType<AbsoluteUri>(Req(d).RequestUri)),
        ["novelsc.dat"] = Respond(416),
        ["unksm2.dat"] = Respond(400, (d, _) =>
        {
            var r = Req(d);
            Assert.IsType<AbsoluteUri>(r.To!.Uri);
            Assert.IsType<AbsoluteUri>(r.From!.Uri);
            Assert.IsType<AbsoluteUri>(r.Contact!.Items[0].Uri);
        }),
        ["bext01.dat"] = Respond(420, (d, _) =>
        {
            var unsupported = Assert.Single(d.Validation!.ExtraHeaders, h => h.Key == "Unsupported").Value;
            Assert.Equal("nothingSupportsThis, nothingSupportsThisEither", unsupported);
        }),
        ["invut.dat"] = Respond(415),
        ["regaut01.dat"] = Accept((d, _) => Assert.Equal("NoOneKnowsThisScheme", Req(d).Authorization[0].Scheme.ToString())),
        ["multi01.dat"] = Respond(400, (d, _) => Assert.Contains("duplicate", d.Detail, StringComparison.Ordinal)),
        ["mcl01.dat"] = Respond(400, (d, b) =>
        {
            Assert.Equal(SipParseErrorCode.ConflictingContentLength, d.ParseError!.Value.Code);
            Assert.Equal(SipParseStatus.Invalid, Stream(b, out SipParseError _));
        }) with { FramingIsTheError = true },
        ["bcast.dat"] = Drop((d, _) => Assert.Equal("255.255.255.255", Resp(d).Via[1].Host.ToString())),
        ["zeromf.dat"] = Accept((d, _) => Assert.Equal(0, Req(d).MaxForwards)),
        ["cparam01.dat"] = Accept((d, _) =>
        {
            var contact = Req(d).Contact!.Items[0];
            Assert.False(((SipUri)contact.Uri).Parameters.Contains("unknownparam"));
            Assert.True(contact.Parameters.Contains("unknownparam"));
        }),
        ["cparam02.dat"] = Accept((d, _) =>
        {
            var contact = Req(d).Contact!.Items[0];
            Assert.True(((SipUri)contact.Uri).Parameters.Contains("unknownparam"));
            Assert.False(contact.Parameters.Contains("unknownparam"));
        }),
        ["regescrt.dat"] = Accept((d, _) =>
        {
            var uri = (SipUri)Req(d).Contact!.Items[0].Uri;
            Assert.Equal("%3Csip:sip.example.com%3E", uri.Headers.GetString("Route"));
        }),
        ["sdp01.dat"] = Respond(406),
        ["inv2543.dat"] = Accept((d, _) =>
        {
            Assert.Null(d.Message!.DeclaredContentLength);
            Assert.Equal(105, d.Message.Body.Length);
            Assert.Null(Req(d).From!.Tag);
        }),
        ["test.dat"] = Respond(400, (d, _) => Assert.NotNull(d.ParseError)),
    };

    public static string Describe(byte[] bytes) => Encoding.UTF8.GetString(bytes.AsSpan(0, Math.Min(bytes.Length, 80)));
}
