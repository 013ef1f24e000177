using System.Reflection;
using System.Runtime.InteropServices;
using Gateway.Sip.Auth;
using Gateway.Sip.Message;
using Gateway.VirtualCard;

namespace Gateway.SmartCard.Tests;

public class CardDigestResponderTests
{
    [Theory]
    [InlineData("MD5")]
    [InlineData("SHA-256")]
    public async Task RespondAsync_AppletCard_MatchesIndependentComputation(string algorithm)
    {
        using var session = await OpenAsync(TestCards.Applet());
        var responder = new CardDigestResponder(session);
        var request = TestCards.Challenge(algorithm, session.Realm);

        var response = await responder.RespondAsync(request, default);

        Assert.Equal(TestCards.ExpectedResponse(algorithm, TestProfiles.Alice, request), response.Response);
    }

    [Fact]
    public async Task RespondAsync_AppletCard_SendsInternalAuthenticateAndNeverReadsAnHa1()
    {
        var transceiver = new VirtualCardTransceiver(VirtualCard.VirtualCard.Create(TestCards.Applet()));
        using var session = (await Factory().CreateAsync(transceiver, "r", (_, _) => ValueTask.FromResult<string?>(TestCards.Pin), default)).Session!;
        var before = transceiver.SentCommands.Count;

        await new CardDigestResponder(session).RespondAsync(TestCards.Challenge("SHA-256", session.Realm), default);

        Assert.Equal(FollowMeApplication.InsInternalAuthenticate, Assert.Single(transceiver.SentCommands.Skip(before))[1]);
    }

    [Fact]
    public async Task RespondAsync_StorageCard_ComputesOnGatewayFromHa1()
    {
        using var session = await OpenAsync(TestCards.Storage());
        var request = TestCards.Challenge("MD5", session.Realm);

        var response = await new CardDigestResponder(session).RespondAsync(request, default);

        Assert.Equal(TestCards.ExpectedResponse("MD5", TestProfiles.Alice, request), response.Response);
    }

    [Fact]
    public async Task Supports_AppletWithMd5Only_AnswersFromCapabilities()
    {
        var file = TestCards.Applet();
        file.Ha1.Remove("SHA-256");
        file.Ha1.Remove("SHA-512-256");
        using var session = await OpenAsync(file);
        var responder = new CardDigestResponder(session);

        Assert.True(responder.Supports(DigestHashFunction.Md5));
        Assert.False(responder.Supports(DigestHashFunction.Sha256));
        Assert.False(responder.Supports(DigestHashFunction.Sha512T256));
    }

    [Fact]
    public async Task RespondAsync_StorageCardThenRemoved_HeldHa1BytesAnsweredAndZeroed()
    {
        var session = await OpenAsync(TestCards.Storage());
        var secrets = (CardSecrets)typeof(CardSession).GetField("_secrets", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(session)!;
        Assert.True(secrets.TryGetHa1(DigestHashFunction.Sha256, out var ha1));
        Assert.True(MemoryMarshal.TryGetArray(ha1, out var held));
        var request = TestCards.Challenge("SHA-256", session.Realm);

        var response = await new CardDigestResponder(session).RespondAsync(request, default);
        Assert.Equal(TestCards.ExpectedResponse("SHA-256", TestProfiles.Alice, request), response.Response);
        Assert.Contains(held.Array!, b => b != 0);

        // Removal disposes the session: the very array the digest was computed from is zeroed.
        session.Dispose();

        Assert.All(held.Array!, b => Assert.Equal(0, b));
    }

    [Fact]
    public async Task Supports_StorageCard_AnswersFromHeldHa1Values()
    {
        var file = TestCards.Storage();
        file.Ha1.Remove("MD5");
        using var session = await OpenAsync(file);
        var responder = new CardDigestResponder(session);

        Assert.False(responder.Supports(DigestHashFunction.Md5));
        Assert.True(responder.Supports(DigestHashFunction.Sha256));
    }

    [Fact]
    public async Task RespondAsync_SessAlgorithmOnAppletCard_ThrowsNotSupported()
    {
        using var session = await OpenAsync(TestCards.Applet());
        var request = TestCards.Challenge("MD5", session.Realm) with { Algorithm = DigestAlgorithm.Md5Sess };

        await Assert.ThrowsAsync<NotSupportedException>(async () => await new CardDigestResponder(session).RespondAsync(request, default));
    }

    [Fact]
    public async Task Supports_AfterSessionDisposed_IsFalse()
    {
        var session = await OpenAsync(TestCards.Applet());
        var responder = new CardDigestResponder(session);

        session.Dispose();

        Assert.False(responder.Supports(DigestHashFunction.Md5));
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await responder.RespondAsync(TestCards.Challenge("MD5", "example.org"), default));
    }

    [Fact]
    public async Task AuthorizeAsync_WithCardResponder_ChoosesCardAlgorithmAndSendsCardResponse()
    {
        using var session = await OpenAsync(TestCards.Applet());
        var authenticator = new DigestAuthenticator(session.AuthUser, new CardDigestResponder(session), () => "0a4f113b");
        var challenged = (SipResponse)SipMessageBuilder.ForResponse(401)
            .AddHeader("Via", "SIP/2.0/UDP 127.0.0.1:5060;branch=z9hG4bK776asdhds")
            .AddHeader("From", "<sip:alice@example.org>;tag=1928301774")
            .AddHeader("To", "<sip:alice@example.org>")
            .AddHeader("Call-ID", "a84b4c76e66710@127.0.0.1")
            .AddHeader("CSeq", "1 REGISTER")
            .AddHeader("WWW-Authenticate", $"Digest realm=\"{session.Realm}\", nonce=\"abc123\", qop=\"auth\", algorithm=SHA-256")
            .Build();

        var authorization = await authenticator.AuthorizeAsync(challenged, "REGISTER", "sip:example.org", [], default);

        Assert.Equal(DigestOutcome.Retry, authorization.Outcome);
        var expected = TestCards.ExpectedResponse("SHA-256", TestProfiles.Alice, TestCards.Challenge("SHA-256", session.Realm) with { Nonce = "abc123" });
        Assert.Contains($"response=\"{expected}\"", Assert.Single(authorization.HeaderValues), StringComparison.Ordinal);
    }

    private static async Task<CardSession> OpenAsync(VirtualCardFile file)
    {
        var result = await Factory().CreateAsync(new VirtualCardTransceiver(VirtualCard.VirtualCard.Create(file)), "r", (_, _) => ValueTask.FromResult<string?>(TestCards.Pin), default);
        Assert.True(result.IsAccepted, result.ToString());
        return result.Session!;
    }

    private static CardSessionFactory Factory() => new(new CardSessionOptions { AllowStorageCards = true });
}
