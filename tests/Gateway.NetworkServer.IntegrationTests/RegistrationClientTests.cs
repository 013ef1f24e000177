using System.Net;
using Gateway.NetworkServer.IntegrationTests.Sip;
using Gateway.Sip.Auth;
using Gateway.Sip.Registration;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>The SIP stack's <see cref="RegistrationClient"/> against the real Kamailio: digest, refresh, unregister, 403, stale nonce.</summary>
public sealed class RegistrationClientTests : NetworkServerTestBase
{
    private static readonly TimeSpan s_patience = TimeSpan.FromSeconds(20);

    private SipStackHost _stack = null!;

    // Nonces live 3 s so a slow card outlasts one; contacts may be as short as 2 s so a refresh is seen quickly.
    protected override NetworkServerOptions CreateOptions() => new()
    {
        PstnUri = $"sip:127.0.0.1:{PstnPort}",
        UsrlocTimerSeconds = 1,
        NonceExpireSeconds = 3,
        MinExpiresSeconds = 2,
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _stack = SipStackHost.CreateSocketStack(new IPEndPoint(IPAddress.Loopback, 0), new NullTransactionUser(), withTcp: true);
    }

    public override async Task DisposeAsync()
    {
        await _stack.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Register_CorrectPassword_BoundInKamailioAndUnregisterRemovesIt()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await using var client = Client("alice", Authenticator("alice", "secret"));

        client.Start();
        var status = await client.WaitForStateAsync(RegistrationState.Registered).WaitAsync(s_patience);

        Assert.Equal(200, status.StatusCode);
        Assert.Equal([ContactUri("alice")], await Server.GetContactsAsync("alice"));
        Assert.Equal(2u, client.LastCSeq);

        Assert.True(await client.StopAsync().WaitAsync(s_patience), KamailioLogTail());
        Assert.Empty(await Server.GetContactsAsync("alice"));
        Assert.Equal(RegistrationState.Unregistered, client.Status.State);
    }

    [Fact]
    public async Task Register_ShortGrantedExpiry_RefreshedBeforeItLapses()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await using var client = Client("alice", Authenticator("alice", "secret"), expiry: TimeSpan.FromSeconds(4));

        client.Start();
        var first = await client.WaitForStateAsync(RegistrationState.Registered).WaitAsync(s_patience);
        var refreshed = await client.WaitForAsync(s => s.State == RegistrationState.Registered && s.ExpiresAt > first.ExpiresAt).WaitAsync(s_patience);

        Assert.True(refreshed.ExpiresAt - first.ExpiresAt < TimeSpan.FromSeconds(4), "the refresh came before the first binding lapsed");
        Assert.True(client.LastCSeq >= 4, $"CSeq {client.LastCSeq}");
        Assert.Equal([ContactUri("alice")], await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_WrongPassword_FailsWith403AndWaits()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await using var client = Client("alice", Authenticator("alice", "not-the-password"));

        client.Start();
        var status = await client.WaitForStateAsync(RegistrationState.Failed).WaitAsync(s_patience);
        await Task.Delay(500);

        Assert.Equal(403, status.StatusCode);
        Assert.Equal(1, client.Status.ConsecutiveFailures);
        Assert.Equal(RegistrationState.Failed, client.Status.State);
        Assert.True(status.RetryAt > DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10), $"retry at {status.RetryAt:O}");
        Assert.Empty(await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_NonceExpiresWhileCardComputes_RecoversThroughStaleChallenge()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        var card = new SlowOnceResponder(new PasswordDigestResponder("alice", "secret"), TimeSpan.FromSeconds(5));
        await using var client = Client("alice", new DigestAuthenticator("alice", card));

        client.Start();
        var status = await client.WaitForAsync(s => s.State is RegistrationState.Registered or RegistrationState.Failed).WaitAsync(s_patience);

        Assert.True(status.State == RegistrationState.Registered, $"{status}\n{KamailioLogTail()}");
        Assert.Equal(2, card.Calls);
        Assert.Equal(3u, client.LastCSeq);
        Assert.Single(await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_CardHoldsItsThread_OtherRegistrationsOnTheSocketGoOn()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002"));
        using var card = new BlockingCardResponder(new PasswordDigestResponder("alice", "secret"), mayBlock: true);
        await using var alice = Client("alice", new DigestAuthenticator("alice", card));
        await using var bob = Client("bob", Authenticator("bob", "pw2"));

        alice.Start();
        await card.Entered.WaitAsync(s_patience);
        bob.Start();
        var bobStatus = await bob.WaitForAsync(s => s.State is RegistrationState.Registered or RegistrationState.Failed).WaitAsync(s_patience);
        card.Release();
        var aliceStatus = await alice.WaitForAsync(s => s.State is RegistrationState.Registered or RegistrationState.Failed).WaitAsync(s_patience);

        Assert.True(bobStatus.State == RegistrationState.Registered, $"{bobStatus}\n{KamailioLogTail()}");
        Assert.True(aliceStatus.State == RegistrationState.Registered, $"{aliceStatus}\n{KamailioLogTail()}");
        Assert.DoesNotContain("SIP UDP", card.AnsweringThread ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_ResponderThatCannotBlock_AnsweredOnTheReceiveThread()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

        // When Kamailio's 401 comes back before the sending thread reaches its await, the exchange continues inline on
        // that thread: no hop either, but not the receive thread. That race is rare, so of a few fresh registrations
        // at least one must be answered on the receive thread; a build that always hops to the pool never is.
        var threads = new List<string?>();
        for (var attempt = 0; attempt < 5 && !threads.Any(t => t?.StartsWith("SIP UDP", StringComparison.Ordinal) == true); attempt++)
        {
            using var responder = new BlockingCardResponder(new PasswordDigestResponder("alice", "secret"), mayBlock: false);
            responder.Release();
            await using var client = Client("alice", new DigestAuthenticator("alice", responder));

            client.Start();
            var status = await client.WaitForAsync(s => s.State is RegistrationState.Registered or RegistrationState.Failed).WaitAsync(s_patience);

            Assert.True(status.State == RegistrationState.Registered, $"{status}\n{KamailioLogTail()}");
            threads.Add(responder.AnsweringThread);
        }

        Assert.Contains(threads, t => t?.StartsWith("SIP UDP", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Register_OverTcpWithKeepAlive_StaysRegistered()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await using var client = Client("alice", Authenticator("alice", "secret"), SipTransportKind.Tcp, keepAlive: TimeSpan.FromMilliseconds(500));

        client.Start();
        await client.WaitForStateAsync(RegistrationState.Registered).WaitAsync(s_patience);
        await Task.Delay(2000);

        Assert.Equal(RegistrationState.Registered, client.Status.State);
        Assert.Equal([ContactUri("alice", SipTransportKind.Tcp)], await Server.GetContactsAsync("alice"));
        Assert.True(await client.StopAsync().WaitAsync(s_patience));
        Assert.Empty(await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task RegistrationSet_TwoCards_BothBoundWithOwnCallIds()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002"));
        await using var set = new RegistrationSet(_stack.Transactions);

        var alice = set.Add(Options("alice"), Authenticator("alice", "secret"));
        var bob = set.Add(Options("bob"), Authenticator("bob", "pw2"));
        await Task.WhenAll(alice.WaitForStateAsync(RegistrationState.Registered), bob.WaitForStateAsync(RegistrationState.Registered)).WaitAsync(s_patience);

        Assert.NotEqual(alice.CallId, bob.CallId);
        Assert.Equal([ContactUri("alice")], await Server.GetContactsAsync("alice"));
        Assert.Equal([ContactUri("bob")], await Server.GetContactsAsync("bob"));
    }

    private static DigestAuthenticator Authenticator(string user, string password) => new(user, new PasswordDigestResponder(user, password));

    private RegistrationClient Client(string user, DigestAuthenticator authenticator, SipTransportKind kind = SipTransportKind.Udp,
        TimeSpan? expiry = null, TimeSpan? keepAlive = null) =>
        new(_stack.Transactions, Options(user, kind) with
        {
            RequestedExpiry = expiry ?? TimeSpan.FromSeconds(3600),
            KeepAliveInterval = keepAlive,
        }, authenticator);

    private RegistrationOptions Options(string user, SipTransportKind kind = SipTransportKind.Udp) => new()
    {
        Aor = $"sip:{user}@127.0.0.1",
        RegistrarUri = $"sip:127.0.0.1:{Server.Port}",
        Registrar = new SipEndPoint(kind, new IPEndPoint(IPAddress.Loopback, Server.Port)),
        ContactUri = ContactUri(user, kind),
        InstanceId = $"urn:uuid:{Guid.NewGuid()}",
    };

    private string ContactUri(string user, SipTransportKind kind = SipTransportKind.Udp) =>
        $"sip:{user}@127.0.0.1:{_stack.GetLocalEndPoint(SipTransportKind.Udp)!.Port}" + (kind == SipTransportKind.Tcp ? ";transport=tcp" : string.Empty);
}
