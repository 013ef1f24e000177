using Gateway.Sip.Registration;
using Gateway.Sip.Transport;
using Gateway.Sip.Tests.Transport;

namespace Gateway.Sip.Tests.Registration;

public sealed class RegistrationClientTests
{
    [Fact]
    public async Task Start_ChallengedThen200_Registered()
    {
        await using var h = new RegistrationHarness();
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        var requests = h.Registrar.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Empty(requests[0].Authorization);
        Assert.Single(requests[1].Authorization);
        Assert.Equal(200, status.StatusCode);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(3600), status.ExpiresAt);
        Assert.Equal(3600u, h.Registrar.Bindings("sip:alice@test.invalid")["sip:alice@127.0.0.1:5060"]);
        var contact = requests[1].Contact!.Items[0];
        Assert.Equal("<urn:uuid:00000000-0000-4000-8000-000000000005>", contact.SipInstance);
        Assert.Equal("3600", requests[1].GetValues("Expires")[0].ToString());
    }

    [Fact]
    public async Task Registered_GrantedShorterThanRequested_RefreshesOnGrantedExpiryWithSameCallIdAndNextCSeq()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.MaxExpires = 120;
        var client = h.Start(h.Options());
        var first = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        var registeredAt = h.Time.GetUtcNow();

        // Half of the 120 s granted, not of the 3600 s asked for.
        Assert.Equal(registeredAt + TimeSpan.FromSeconds(60), first.RetryAt);
        Assert.Equal(registeredAt + TimeSpan.FromSeconds(120), first.ExpiresAt);
        await h.AdvanceAsync(TimeSpan.FromSeconds(59));
        Assert.Equal(2, h.Registrar.Requests.Count);

        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var second = await RegistrationHarness.WaitAsync(client, s => s.State == RegistrationState.Registered && s.ExpiresAt > first.ExpiresAt);

        var requests = h.Registrar.Requests;
        Assert.Equal(4, requests.Count);
        Assert.Equal(registeredAt + TimeSpan.FromSeconds(60), h.Registrar.RequestTimes[2]);
        Assert.True(h.Registrar.RequestTimes[2] < first.ExpiresAt);
        Assert.All(requests, r => Assert.Equal(client.CallId, r.CallId.ToString()));
        Assert.Equal([1u, 2u, 3u, 4u], requests.Select(r => r.CSeq!.Number).ToArray());
        Assert.All(requests, r => Assert.Equal(requests[0].From!.Tag, r.From!.Tag));
        Assert.Equal(registeredAt + TimeSpan.FromSeconds(180), second.ExpiresAt);
    }

    [Fact]
    public async Task Registered_ContactExpiresParamWinsOverExpiresHeader()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => r.Authorization.Count == 0 ? null
            : FakeRegistrar.Response(r, 200, "Contact: <sip:other@192.0.2.9>;expires=900", "Contact: <sip:alice@127.0.0.1:5060>;expires=300", "Expires: 1800");
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(300), status.ExpiresAt);
    }

    [Fact]
    public async Task Stop_Registered_SendsExpiresZeroForThisContactAndRemovesBinding()
    {
        await using var h = new RegistrationHarness();
        var client = h.Start(h.Options());
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        var states = new List<RegistrationState>();
        client.StatusChanged += (_, s) => states.Add(s.State);

        var removed = await client.StopAsync().WaitAsync(RegistrationHarness.Patience);

        Assert.True(removed);
        var last = h.Registrar.Requests[^1];
        Assert.Equal("0", last.GetValues("Expires")[0].ToString());
        Assert.Equal(0u, last.Contact!.Items[0].Expires);
        Assert.Equal(client.CallId, last.CallId.ToString());
        Assert.Empty(h.Registrar.Bindings("sip:alice@test.invalid"));
        Assert.Equal([RegistrationState.Unregistering, RegistrationState.Unregistered], states);
        Assert.Equal(RegistrationState.Unregistered, client.Status.State);
    }

    [Fact]
    public async Task Stop_RegistrarSilent_GivesUpAfterUnregisterTimeout()
    {
        await using var h = new RegistrationHarness();
        var client = h.Start(h.Options() with { UnregisterTimeout = TimeSpan.FromSeconds(5) });
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        h.Registrar.Silent = true;

        var stopping = client.StopAsync();
        await RegistrationHarness.WaitAsync(client, RegistrationState.Unregistering);
        Assert.False(stopping.IsCompleted);
        await h.AdvanceAsync(TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(500));

        // Fake time has passed the timeout; the continuation that completes the stop runs on the thread pool, so wait
        // (bounded, in real time) rather than expect it to have run already. Without the advance it would never complete.
        Assert.False(await stopping.WaitAsync(RegistrationHarness.Patience));
        Assert.Equal(RegistrationState.Unregistered, client.Status.State);
    }

    [Fact]
    public async Task Register_423_RetriesAtOnceWithMinExpires()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.MinExpires = 7200;
        h.Registrar.MaxExpires = 9000;
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        var requests = h.Registrar.Requests;
        Assert.Equal(["3600", "3600", "7200", "7200"], requests.Select(r => r.GetValues("Expires")[0].ToString()).ToArray());
        Assert.All(h.Registrar.RequestTimes, t => Assert.Equal(h.Time.GetUtcNow(), t));
        Assert.Equal(7200u, client.RequestedExpiry);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(7200), status.ExpiresAt);
    }

    [Fact]
    public async Task Register_423WithoutMinExpires_Fails()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => FakeRegistrar.Response(r, 423);
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Failed);

        Assert.Equal(423, status.StatusCode);
        Assert.Single(h.Registrar.Requests);
    }

    [Fact]
    public async Task Register_WrongPassword_FailsWithoutTightLoop()
    {
        await using var h = new RegistrationHarness();
        var client = h.Start(h.Options(), password: "wrong");

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Failed);
        await Task.Delay(100);

        Assert.Equal(401, status.StatusCode);
        Assert.Contains("rejected", status.Reason, StringComparison.Ordinal);
        Assert.Equal(2, h.Registrar.Requests.Count);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(30), status.RetryAt);

        await h.AdvanceAsync(TimeSpan.FromSeconds(29));
        Assert.Equal(2, h.Registrar.Requests.Count);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        var second = await RegistrationHarness.WaitAsync(client, s => s.State == RegistrationState.Failed && s.ConsecutiveFailures == 2);
        Assert.Equal(4, h.Registrar.Requests.Count);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(60), second.RetryAt);
    }

    [Fact]
    public async Task Register_ThroughOutboundProxyWith407_SendsRouteAndProxyAuthorization()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => r.ProxyAuthorization.Count == 0
            ? FakeRegistrar.Response(r, 407, $"Proxy-Authenticate: Digest realm=\"{FakeRegistrar.Realm}\", nonce=\"p1\", qop=\"auth\"")
            : FakeRegistrar.Response(r, 200, "Contact: <sip:alice@127.0.0.1:5060>;expires=120");
        var options = h.Options() with
        {
            Registrar = new SipEndPoint(SipTransportKind.Udp, new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 5999)),
            OutboundProxy = new SipEndPoint(SipTransportKind.Udp, TestEndPoints.Registrar),
            OutboundProxyUri = "sip:127.0.0.1:5070",
        };
        var client = h.Start(options);

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        var requests = h.Registrar.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal("<sip:127.0.0.1:5070;lr>", r.GetValues("Route")[0].ToString()));
        Assert.Equal("p1", requests[1].ProxyAuthorization[0].Nonce);
        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(120), status.ExpiresAt);
    }

    [Fact]
    public async Task Stop_NeverRegistered_SendsNoUnregister()
    {
        await using var h = new RegistrationHarness();
        var client = h.Start(h.Options(), password: "wrong");
        await RegistrationHarness.WaitAsync(client, RegistrationState.Failed);

        Assert.True(await client.StopAsync().WaitAsync(RegistrationHarness.Patience));

        Assert.Equal(2, h.Registrar.Requests.Count);
        Assert.Equal(RegistrationState.Unregistered, client.Status.State);
    }

    [Fact]
    public async Task Register_StaleNonce_AnswersNewNonceAndRegisters()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.StaleOnce = true;
        var client = h.Start(h.Options());

        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        var requests = h.Registrar.Requests;
        Assert.Equal(3, requests.Count);
        Assert.Equal("nonce-1", requests[1].Authorization[0].Nonce);
        Assert.Equal("nonce-2", requests[2].Authorization[0].Nonce);
    }

    [Fact]
    public async Task Register_NoCredentialsConfigured_401Fails()
    {
        await using var h = new RegistrationHarness();
        var client = new RegistrationClient(h.Layer, h.Options(), authenticator: null, random: () => 0.0);
        client.Start();

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Failed);
        await client.StopAsync().WaitAsync(RegistrationHarness.Patience);

        Assert.Equal(401, status.StatusCode);
    }

    [Fact]
    public async Task Register_200WithoutContact_UsesExpiresHeader()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => r.Authorization.Count == 0 ? null : FakeRegistrar.Response(r, 200, "Expires: 600");
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(600), status.ExpiresAt);
    }

    [Fact]
    public async Task Register_200WithGarbageExpires_FallsBackToRequested()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => r.Authorization.Count == 0 ? null
            : FakeRegistrar.Response(r, 200, "Contact: <sip:alice@127.0.0.1:5060>;expires=soon", "Expires: tomorrow");
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(3600), status.ExpiresAt);
    }

    [Fact]
    public async Task Register_200WithUnparsableContact_FallsBackToExpiresHeader()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => r.Authorization.Count == 0 ? null
            : FakeRegistrar.Response(r, 200, "Contact: <sip:alice@127.0.0.1:5060;expires=1", "Expires: 700");
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);

        Assert.Equal(h.Time.GetUtcNow() + TimeSpan.FromSeconds(700), status.ExpiresAt);
    }

    [Fact]
    public async Task Register_200GrantingZero_Fails()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Override = r => r.Authorization.Count == 0 ? null
            : FakeRegistrar.Response(r, 200, "Contact: <sip:alice@127.0.0.1:5060>;expires=0");
        var client = h.Start(h.Options());

        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Failed);

        Assert.Equal(200, status.StatusCode);
    }

    [Fact]
    public async Task Register_RegistrarSilent_TimesOutWith408AndBacksOff()
    {
        await using var h = new RegistrationHarness();
        h.Registrar.Silent = true;
        var client = h.Start(h.Options());
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registering);

        // Timer F: 64 × T1 = 32 s.
        await h.AdvanceAsync(TimeSpan.FromSeconds(32), TimeSpan.FromMilliseconds(500));
        var status = await RegistrationHarness.WaitAsync(client, RegistrationState.Failed);

        Assert.Equal(408, status.StatusCode);
        Assert.True(h.Registrar.Requests.Count > 1, "UDP retransmissions expected");
        Assert.All(h.Registrar.Requests, r => Assert.Equal(1u, r.CSeq!.Number));
    }

    [Fact]
    public async Task KeepAlive_Registered_SendsDoubleCrlfOnScheduleAndIgnoresPong()
    {
        await using var h = new RegistrationHarness();
        var client = h.Start(h.Options() with { KeepAliveInterval = TimeSpan.FromSeconds(25) });
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        h.Network.ClearPackets();

        await h.AdvanceAsync(TimeSpan.FromSeconds(24));
        Assert.DoesNotContain(h.Network.Packets, IsPing);
        await h.AdvanceAsync(TimeSpan.FromSeconds(1));
        // The timer fired on fake time; the send runs on the thread pool, which a busy CI machine may be slow to schedule.
        await SocketTestUser.WaitUntilAsync(() => h.Network.Packets.Any(IsPing));
        Assert.Single(h.Network.Packets, IsPing);
        h.Registrar.Send("\r\n");
        await h.AdvanceAsync(TimeSpan.FromSeconds(25));

        await SocketTestUser.WaitUntilAsync(() => h.Network.Packets.Count(IsPing) >= 2);
        Assert.Equal(2, h.Network.Packets.Count(IsPing));
        Assert.Equal(RegistrationState.Registered, client.Status.State);
        Assert.Equal(2, h.Registrar.Requests.Count);
    }

    [Fact]
    public async Task KeepAlive_Default_Off()
    {
        await using var h = new RegistrationHarness();
        var client = h.Start(h.Options());
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        h.Network.ClearPackets();

        await h.AdvanceAsync(TimeSpan.FromSeconds(300), TimeSpan.FromSeconds(10));

        Assert.Empty(h.Network.Packets);
    }

    [Fact]
    public async Task KeepAlive_Tcp_SentOverTheStreamTransport()
    {
        await using var h = new RegistrationHarness(SipTransportKind.Tcp);
        var client = h.Start(h.Options() with { KeepAliveInterval = TimeSpan.FromSeconds(10) });
        await RegistrationHarness.WaitAsync(client, RegistrationState.Registered);
        h.Network.ClearPackets();

        await h.AdvanceAsync(TimeSpan.FromSeconds(10));
        await SocketTestUser.WaitUntilAsync(() => h.Network.Packets.Any(IsPing));

        var ping = Assert.Single(h.Network.Packets, IsPing);
        Assert.Equal(SipTransportKind.Tcp, ping.Kind);
        Assert.StartsWith("SIP/2.0/TCP", h.Registrar.Requests[0].GetValues("Via")[0].ToString(), StringComparison.Ordinal);
    }

    private static bool IsPing(LoopbackPacket p) =>
        p.To.Equals(TestEndPoints.Registrar) && p.Data.Span.SequenceEqual("\r\n\r\n"u8);
}
