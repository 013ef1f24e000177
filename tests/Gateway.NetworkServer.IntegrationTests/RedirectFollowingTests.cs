namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>
/// A phone answering 3xx (its card's filter forwards the call or sends it to voicemail): the server follows the
/// redirect itself, once, like a follow-me server, so the caller's phone needs no redirect support.
/// </summary>
public sealed class RedirectFollowingTests : NetworkServerTestBase
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002"));
        await Subscribers.AddAsync(new NewSubscriber("carol", "pw3", "+15551230003"));
    }

    [Fact]
    public async Task PhoneRedirectsToASubscribersNumber_ServerRoutesIt_ThatSubscribersPhoneAnswers()
    {
        await using var alicesPhone = StartRedirectingPhone("sip:+15551230002@127.0.0.1");
        await using var bobsPhone = StartPhone(LoopbackPorts.GetFree());
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", alicesPhone.Port), "REGISTER alice");
        AssertSucceeded(await RegisterAsync("bob", "pw2", "15551230002", bobsPhone.Port), "REGISTER bob");

        var call = await CallAsync("carol", "pw3", "15551230001");

        AssertSucceeded(call, "call (answered after the redirect)");
        AssertSucceeded(await alicesPhone.WaitAsync(s_wait), "alice's redirecting phone");
        var reached = await bobsPhone.WaitAsync(s_wait);
        AssertSucceeded(reached, "bob's phone");
        Assert.Contains($"INVITE sip:15551230002@127.0.0.1:{bobsPhone.Port}", reached.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhoneRedirectsToAnotherServersUri_RelayedThereAsItIs()
    {
        await using var voicemail = StartPhone(LoopbackPorts.GetFree());
        await using var alicesPhone = StartRedirectingPhone($"sip:voicemail@127.0.0.1:{voicemail.Port}");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", alicesPhone.Port), "REGISTER alice");

        var call = await CallAsync("carol", "pw3", "15551230001");

        AssertSucceeded(call, "call (answered by voicemail)");
        var reached = await voicemail.WaitAsync(s_wait);
        AssertSucceeded(reached, "voicemail");
        Assert.Contains($"INVITE sip:voicemail@127.0.0.1:{voicemail.Port}", reached.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedirectedPhoneRedirectsAgain_SecondNotFollowed_CallerGetsThe302()
    {
        // alice forwards to bob, bob forwards back to alice: one redirect is followed, the loop is not.
        await using var alicesPhone = StartRedirectingPhone("sip:+15551230002@127.0.0.1");
        await using var bobsPhone = StartRedirectingPhone("sip:+15551230001@127.0.0.1");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", alicesPhone.Port), "REGISTER alice");
        AssertSucceeded(await RegisterAsync("bob", "pw2", "15551230002", bobsPhone.Port), "REGISTER bob");

        var call = await CallAsync("carol", "pw3", "15551230001", scenario: "uac-call-redirected.xml");

        AssertSucceeded(call, "call expecting 302");
        AssertSucceeded(await alicesPhone.WaitAsync(s_wait), "alice's phone");
        AssertSucceeded(await bobsPhone.WaitAsync(s_wait), "bob's phone");
        Assert.Contains("Contact: <sip:+15551230001@127.0.0.1>", call.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PhoneRedirectsToGarbage_NotFollowed_CallerGetsThe302()
    {
        await using var alicesPhone = StartRedirectingPhone("http://example.invalid/x");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", alicesPhone.Port), "REGISTER alice");

        var call = await CallAsync("carol", "pw3", "15551230001", scenario: "uac-call-redirected.xml");

        AssertSucceeded(call, "call expecting 302");
    }

    private static Sipp.SippProcess StartRedirectingPhone(string target) =>
        Sipp.SippProcess.Start("uas-redirect.xml", remote: null, keys: new Dictionary<string, string> { ["target"] = target },
            port: LoopbackPorts.GetFree(), timeout: TimeSpan.FromSeconds(15));
}
