using Gateway.Sip.Auth;
using V = Gateway.Sip.Tests.Auth.DigestVectors;
using static Gateway.Sip.Tests.Auth.ChallengeMessages;

namespace Gateway.Sip.Tests.Auth;

public class DigestAuthenticatorTests
{
    private const string Simple = "Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\"";

    private static DigestAuthenticator Client(IDigestResponder? responder = null, string cnonce = "c0ffee") =>
        new("alice", responder ?? new PasswordDigestResponder("alice", "secret"), () => cnonce);

    [Theory]
    [InlineData("MD5", V.Md5Response)]
    [InlineData("SHA-256", V.Sha256Response)]
    public async Task AuthorizeAsync_Rfc7616Example_FormatsHeaderAsSection34(string algorithm, string response)
    {
        var challenge = $"Digest realm=\"{V.Realm}\", qop=\"auth, auth-int\", algorithm={algorithm}, nonce=\"{V.Nonce}\", opaque=\"{V.Opaque}\"";
        var client = new DigestAuthenticator(V.Username, new PasswordDigestResponder(V.Username, V.Password), () => V.Cnonce);

        var result = await client.AuthorizeAsync(Response(401, challenge), V.Method, V.Uri, [], default);

        Assert.Equal(DigestOutcome.Retry, result.Outcome);
        Assert.Equal("Authorization", result.HeaderName);
        Assert.Equal(
            $"Digest username=\"Mufasa\", realm=\"{V.Realm}\", uri=\"{V.Uri}\", algorithm={algorithm}, nonce=\"{V.Nonce}\", "
            + $"nc=00000001, cnonce=\"{V.Cnonce}\", qop=auth, response=\"{response}\", opaque=\"{V.Opaque}\"",
            Assert.Single(result.HeaderValues));
    }

    [Fact]
    public async Task AuthorizeAsync_AllThreeAlgorithmsOffered_PicksSha512T256()
    {
        var response = Response(401,
            "Digest realm=\"example.com\", nonce=\"a\", algorithm=MD5, qop=\"auth\"",
            "Digest realm=\"example.com\", nonce=\"b\", algorithm=SHA-512-256, qop=\"auth\"",
            "Digest realm=\"example.com\", nonce=\"c\", algorithm=SHA-256, qop=\"auth\"");

        var result = await Client().AuthorizeAsync(response, Request(), default);

        var credentials = Parse(Assert.Single(result.HeaderValues));
        Assert.Equal("SHA-512-256", credentials.Algorithm);
        Assert.Equal("b", credentials.Nonce);
    }

    [Fact]
    public async Task AuthorizeAsync_Ha1CardWithMd5Only_PicksMd5OverOfferedSha256()
    {
        var card = new Ha1DigestResponder("alice", "example.com", new Dictionary<DigestHashFunction, string>
        {
            [DigestHashFunction.Md5] = DigestCalculator.Ha1(DigestHashFunction.Md5, "alice", "example.com", "secret"),
        });
        var response = Response(401,
            "Digest realm=\"example.com\", nonce=\"b\", algorithm=SHA-256, qop=\"auth\"",
            "Digest realm=\"example.com\", nonce=\"a\", algorithm=MD5, qop=\"auth\"");

        var result = await Client(card).AuthorizeAsync(response, Request(), default);

        Assert.Equal("MD5", Parse(Assert.Single(result.HeaderValues)).Algorithm);
    }

    [Fact]
    public async Task AuthorizeAsync_UnknownAlgorithmBeforeMd5_SkipsItAndAnswersMd5()
    {
        var response = Response(401,
            "Digest realm=\"example.com\", nonce=\"x\", algorithm=SHA-1024, qop=\"auth\"",
            "Digest realm=\"example.com\", nonce=\"a\", qop=\"auth\"");

        var result = await Client().AuthorizeAsync(response, Request(), default);

        Assert.Equal("MD5", Parse(Assert.Single(result.HeaderValues)).Algorithm);
    }

    [Fact]
    public async Task AuthorizeAsync_OnlyUnknownAlgorithm_FailsWithReason()
    {
        var result = await Client().AuthorizeAsync(Response(401, "Digest realm=\"r\", nonce=\"x\", algorithm=AKAv1-MD5"), Request(), default);

        Assert.Equal(DigestOutcome.NoSupportedChallenge, result.Outcome);
        Assert.False(result.ShouldRetry);
        Assert.Contains("unsupported algorithm AKAv1-MD5", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeAsync_SameNonceTwice_IncrementsNonceCount()
    {
        var client = Client();

        var first = await client.AuthorizeAsync(Response(401, Simple), Request(), default);
        var second = await client.AuthorizeAsync(Response(401, Simple), Request(), default);
        var other = await client.AuthorizeAsync(Response(401, "Digest realm=\"example.com\", nonce=\"n2\", qop=\"auth\""), Request(), default);

        Assert.Equal("00000001", Parse(first.HeaderValues[0]).NonceCount);
        Assert.Equal("00000002", Parse(second.HeaderValues[0]).NonceCount);
        Assert.Equal("00000001", Parse(other.HeaderValues[0]).NonceCount);
        Assert.NotEqual(Parse(first.HeaderValues[0]).Response, Parse(second.HeaderValues[0]).Response);
    }

    [Fact]
    public async Task AuthorizeAsync_StaleWithNewNonce_RetriesWithoutCountingAsFailure()
    {
        var client = Client();
        var first = await client.AuthorizeAsync(Response(401, Simple), Request(), default);
        var retried = Request(credentials: first.HeaderValues[0]);

        var result = await client.AuthorizeAsync(Response(401, "Digest realm=\"example.com\", nonce=\"n2\", qop=\"auth\", stale=true"), retried, default);

        Assert.Equal(DigestOutcome.Retry, result.Outcome);
        Assert.True(result.IsStaleRetry);
        Assert.Equal("n2", Parse(result.HeaderValues[0]).Nonce);
    }

    [Fact]
    public async Task AuthorizeAsync_ChallengedAgainWithoutStale_GivesUpAsRejected()
    {
        var client = Client();
        var first = await client.AuthorizeAsync(Response(401, Simple), Request(), default);

        var result = await client.AuthorizeAsync(Response(401, Simple), Request(credentials: first.HeaderValues[0]), default);

        Assert.Equal(DigestOutcome.CredentialsRejected, result.Outcome);
        Assert.Empty(result.HeaderValues);
        Assert.Contains("rejected", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeAsync_StaleButSameNonceAsSent_GivesUpAsRejected()
    {
        var client = Client();
        var first = await client.AuthorizeAsync(Response(401, Simple), Request(), default);

        var result = await client.AuthorizeAsync(Response(401, Simple + ", stale=TRUE"), Request(credentials: first.HeaderValues[0]), default);

        Assert.Equal(DigestOutcome.CredentialsRejected, result.Outcome);
    }

    [Fact]
    public async Task AuthorizeAsync_407_AnswersWithProxyAuthorization()
    {
        var result = await Client().AuthorizeAsync(Response(407, Simple), Request("INVITE", "sip:+15551234567@example.com"), default);

        Assert.Equal("Proxy-Authorization", result.HeaderName);
        Assert.Equal("sip:+15551234567@example.com", Parse(result.HeaderValues[0]).Uri);
    }

    [Fact]
    public async Task AuthorizeAsync_407AfterProxyCredentials_ReadsProxyAuthorizationToDetectRejection()
    {
        var client = Client();
        var first = await client.AuthorizeAsync(Response(407, Simple), Request("INVITE"), default);

        var result = await client.AuthorizeAsync(Response(407, Simple), Request("INVITE", header: "Proxy-Authorization", credentials: first.HeaderValues[0]), default);

        Assert.Equal(DigestOutcome.CredentialsRejected, result.Outcome);
    }

    [Fact]
    public async Task AuthorizeAsync_TwoProxyRealms_AnswersEach()
    {
        var response = Response(407, "Digest realm=\"a.example\", nonce=\"1\", qop=\"auth\"", "Digest realm=\"b.example\", nonce=\"2\", qop=\"auth\"");

        var result = await Client().AuthorizeAsync(response, Request("INVITE"), default);

        Assert.Equal(["a.example", "b.example"], result.HeaderValues.Select(v => Parse(v).Realm));
    }

    [Fact]
    public async Task AuthorizeAsync_NoQop_SendsRfc2069CredentialsWithoutNcOrCnonce()
    {
        var result = await Client().AuthorizeAsync(Response(401, "Digest realm=\"example.com\", nonce=\"n1\""), Request(), default);

        var credentials = Parse(result.HeaderValues[0]);
        Assert.Null(credentials.Qop);
        Assert.Null(credentials.NonceCount);
        Assert.Null(credentials.CNonce);
        var expected = DigestCalculator.Hash(DigestHashFunction.Md5,
            $"{DigestCalculator.Ha1(DigestHashFunction.Md5, "alice", "example.com", "secret")}:n1:{DigestCalculator.Hash(DigestHashFunction.Md5, "REGISTER:sip:example.com")}");
        Assert.Equal(expected, credentials.Response);
    }

    [Theory]
    [InlineData("Digest nonce=\"n1\", qop=\"auth\"", "without realm")]
    [InlineData("Digest realm=\"example.com\", qop=\"auth\"", "without nonce")]
    [InlineData("Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth-int\"", "unsupported qop")]
    [InlineData("Digest realm=\"example.com\", nonce=\"n1\", algorithm=MD5-sess", "MD5-sess without qop")]
    [InlineData("Digest realm=\"unterminated", "malformed challenge")]
    public async Task AuthorizeAsync_UnusableChallenge_FailsWithClearReason(string challenge, string reason)
    {
        var result = await Client().AuthorizeAsync(Response(401, challenge), Request(), default);

        Assert.Equal(DigestOutcome.NoSupportedChallenge, result.Outcome);
        Assert.Contains(reason, result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeAsync_MalformedLineBeforeGoodOne_UsesTheGoodOne()
    {
        var result = await Client().AuthorizeAsync(Response(401, "Digest realm=\"x", Simple), Request(), default);

        Assert.True(result.ShouldRetry);
    }

    [Fact]
    public async Task AuthorizeAsync_BasicOnly_NoChallenge()
    {
        var result = await Client().AuthorizeAsync(Response(401, "Basic realm=\"example.com\""), Request(), default);

        Assert.Equal(DigestOutcome.NoChallenge, result.Outcome);
        Assert.Contains("without a Digest WWW-Authenticate", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthorizeAsync_200_NotAChallenge() =>
        Assert.Equal(DigestOutcome.NotAChallenge, (await Client().AuthorizeAsync(Response(200), Request(), default)).Outcome);

    [Fact]
    public async Task AuthorizeAsync_UserHash_SendsHashedUsernameAndFlag()
    {
        var result = await Client().AuthorizeAsync(Response(401, Simple + ", algorithm=SHA-256, userhash=true"), Request(), default);

        var credentials = Parse(result.HeaderValues[0]);
        Assert.Equal(DigestCalculator.UserHash(DigestHashFunction.Sha256, "alice", "example.com"), credentials.Username);
        Assert.Equal("true", credentials.Parameters.GetString("userhash"));
    }

    [Fact]
    public async Task AuthorizeAsync_QuotedPairInRealm_EchoesRawAndHashesUnquoted()
    {
        var card = new Ha1DigestResponder("alice", "a\"b", new Dictionary<DigestHashFunction, string>
        {
            [DigestHashFunction.Md5] = DigestCalculator.Ha1(DigestHashFunction.Md5, "alice", "a\"b", "secret"),
        });

        var result = await Client(card).AuthorizeAsync(Response(401, "Digest realm=\"a\\\"b\", nonce=\"n1\", qop=\"auth\""), Request(), default);

        Assert.Equal("a\\\"b", Parse(result.HeaderValues[0]).Realm);
    }

    [Fact]
    public async Task AuthorizeAsync_DefaultCnonce_IsRandom128BitHex()
    {
        var client = new DigestAuthenticator("alice", new PasswordDigestResponder("alice", "secret"));

        var a = Parse((await client.AuthorizeAsync(Response(401, Simple), Request(), default)).HeaderValues[0]).CNonce;
        var b = Parse((await client.AuthorizeAsync(Response(401, Simple), Request(), default)).HeaderValues[0]).CNonce;

        Assert.Matches("^[0-9a-f]{32}$", a);
        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData("0123")]
    [InlineData("\", opaque=\"x0123456789abcdef0123456789ab")]
    public async Task AuthorizeAsync_ResponderReturnsNonDigest_ThrowsInsteadOfSendingIt(string bad)
    {
        var client = Client(new FixedResponder(bad));

        await Assert.ThrowsAsync<InvalidOperationException>(() => client.AuthorizeAsync(Response(401, Simple), Request(), default).AsTask());
    }

    [Fact]
    public async Task AuthorizeAsync_ResponderPassesRequestFields_AsChallengedAndSent()
    {
        var responder = new FixedResponder(new string('A', 64));
        var challenge = "Digest realm=\"example.com\", nonce=\"n1\", qop=\"auth\", algorithm=SHA-256-sess";

        var result = await Client(responder).AuthorizeAsync(Response(401, challenge), Request("INVITE", "sip:bob@example.com"), default);

        var seen = Assert.Single(responder.Requests);
        Assert.Equal(DigestAlgorithm.Sha256Sess, seen.Algorithm);
        Assert.Equal(("alice", "example.com", "n1", "INVITE", "sip:bob@example.com"), (seen.Username, seen.Realm, seen.Nonce, seen.Method, seen.DigestUri));
        Assert.Equal(("auth", "00000001", "c0ffee"), (seen.Qop, seen.NonceCount, seen.Cnonce));
        Assert.Equal(new string('a', 64), Parse(result.HeaderValues[0]).Response);
    }

    [Fact]
    public async Task AuthorizeAsync_UsernameWithQuote_IsEscapedInQuotedString()
    {
        var client = new DigestAuthenticator("a\"b", new PasswordDigestResponder("a\"b", "pw"), () => "c");

        var result = await client.AuthorizeAsync(Response(401, Simple), Request(), default);

        Assert.StartsWith("Digest username=\"a\\\"b\", ", result.HeaderValues[0], StringComparison.Ordinal);
        Assert.Equal("a\\\"b", Parse(result.HeaderValues[0]).Username);
    }

    private sealed class FixedResponder(string response) : IDigestResponder
    {
        public List<DigestRequest> Requests { get; } = [];

        public bool MayBlock => false;

        public bool Supports(DigestHashFunction hash) => true;

        public ValueTask<DigestResponse> RespondAsync(DigestRequest request, CancellationToken ct)
        {
            Requests.Add(request);
            return ValueTask.FromResult(new DigestResponse(response));
        }
    }
}
