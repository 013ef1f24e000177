using System.Net;
using Gateway.NetworkServer;
using Gateway.Sip.Auth;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.SmartCard.PcscLite;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary>A card in a PC/SC reader answers the real Kamailio's digest challenge to a REGISTER.</summary>
[Collection(PcscdGroup.Name)]
public sealed class CardRegisterAtKamailioTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private static readonly Guid s_instance = Guid.NewGuid();
    private PcscTestReader? _reader;
    private NetworkServerProcess? _server;

    public async Task InitializeAsync()
    {
        _reader = await PcscTestReader.StartAsync(pcscd);
        _server = await NetworkServerProcess.StartAsync(new NetworkServerOptions());
        await _server.CreateSubscriberStore().AddAsync(new NewSubscriber(Cards.Profile.AuthUser, Cards.Password, Cards.Profile.FollowMeNumber));
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }
    }

    [Fact]
    public async Task Register_CardAnswersChallenge_Kamailio200AndContactStored()
    {
        await using var connection = await _reader!.InsertAsync(Cards.Applet(Profile(), Cards.Password));
        using var session = await OpenSessionAsync();
        await using var phone = new SipTestPhone();
        var authenticator = new DigestAuthenticator(session.AuthUser, new CardDigestResponder(session));

        var first = Register(phone, session, cseq: 1, authorization: null);
        var challenge = await phone.SendAsync(first, ServerEndPoint());
        Assert.Equal(401, challenge.StatusCode);
        var decision = await authenticator.AuthorizeAsync(challenge, first, default);
        Assert.Equal(DigestOutcome.Retry, decision.Outcome);
        var final = await phone.SendAsync(Register(phone, session, cseq: 2, Assert.Single(decision.HeaderValues), first), ServerEndPoint());

        Assert.True(final.StatusCode == 200, $"REGISTER got {final.StatusCode}; log:\n{_server!.ReadLog()}");
        var contacts = await _server.GetContactsAsync(session.AuthUser);
        Assert.Contains(contacts, c => c.Contains($"@127.0.0.1:{phone.LocalEndPoint.Port}", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Register_CardHa1FromWrongPassword_RejectedAndNoContact()
    {
        await using var connection = await _reader!.InsertAsync(Cards.Applet(Profile(), "not-" + Cards.Password));
        using var session = await OpenSessionAsync();
        await using var phone = new SipTestPhone();
        var authenticator = new DigestAuthenticator(session.AuthUser, new CardDigestResponder(session));

        var first = Register(phone, session, cseq: 1, authorization: null);
        var challenge = await phone.SendAsync(first, ServerEndPoint());
        var decision = await authenticator.AuthorizeAsync(challenge, first, default);
        Assert.Equal(DigestOutcome.Retry, decision.Outcome);
        var second = Register(phone, session, cseq: 2, Assert.Single(decision.HeaderValues), first);
        var final = await phone.SendAsync(second, ServerEndPoint());

        // Kamailio answers a wrong digest with 403; a server that re-challenges instead must be seen as a rejection.
        if (final.StatusCode == 401)
        {
            Assert.Equal(DigestOutcome.CredentialsRejected, (await authenticator.AuthorizeAsync(final, second, default)).Outcome);
        }
        else
        {
            Assert.Equal(403, final.StatusCode);
        }

        Assert.Empty(await _server!.GetContactsAsync(session.AuthUser));
    }

    // Kamailio's realm is its listen address; the card's HA1 must be over the same realm.
    private AccountProfile Profile() => Cards.Profile with { Realm = _server!.Realm };

    private IPEndPoint ServerEndPoint() => new(IPAddress.Parse(_server!.Address), _server.Port);

    /// <summary>A REGISTER for the card's account; a retry keeps Call-ID and From tag of <paramref name="previous"/>.</summary>
    private SipRequest Register(SipTestPhone phone, CardSession session, int cseq, string? authorization, SipRequest? previous = null)
    {
        var local = phone.LocalEndPoint;
        var aor = $"sip:{session.AuthUser}@{_server!.Realm}";
        var builder = SipMessageBuilder.ForRequest("REGISTER", $"sip:{_server.Address}:{_server.Port}")
            .AddHeader("Via", $"SIP/2.0/UDP 127.0.0.1:{local.Port};branch={SipBranch.Create()};rport")
            .AddHeader("Max-Forwards", "70")
            .AddHeader("From", previous?.GetValues("From").Single().ToString() ?? $"<{aor}>;tag={Guid.NewGuid():N}")
            .AddHeader("To", $"<{aor}>")
            .AddHeader("Call-ID", previous?.GetValues("Call-ID").Single().ToString() ?? $"{Guid.NewGuid():N}@127.0.0.1")
            .AddHeader("CSeq", $"{cseq} REGISTER")
            .AddHeader("Contact", $"<sip:{session.AuthUser}@127.0.0.1:{local.Port}>;+sip.instance=\"<urn:uuid:{s_instance}>\"")
            .AddHeader("Expires", "300");
        if (authorization is not null)
        {
            builder.AddHeader("Authorization", authorization);
        }

        return (SipRequest)builder.Build();
    }

    private async Task<CardSession> OpenSessionAsync()
    {
        var transceiver = PcscCardTransceiver.Connect(_reader!.Context, PcscdFixture.Reader);
        var result = await new CardSessionFactory().CreateAsync(transceiver, PcscdFixture.Reader, (_, _) => ValueTask.FromResult<string?>(Cards.Pin), default);
        Assert.True(result.IsAccepted, result.ToString());
        return result.Session!;
    }
}
