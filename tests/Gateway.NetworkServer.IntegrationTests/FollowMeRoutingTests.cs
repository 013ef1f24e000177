namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>
/// INVITE routing through the real Kamailio: to the phone holding the card,
/// to every such phone at once, to the default destination while away, 480
/// without one, and to the PSTN gateway for other numbers.
/// </summary>
public sealed class FollowMeRoutingTests : NetworkServerTestBase
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002"));
    }

    [Theory]
    [InlineData("15551230001")]
    [InlineData("5551230001")]
    [InlineData("+15551230001")]
    [InlineData("alice")]
    public async Task Invite_RegisteredFollowMeNumber_ReachesPhone(string dialed)
    {
        await using var phone = StartPhone(LoopbackPorts.GetFree());
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phone.Port), "REGISTER");

        var call = await CallAsync("bob", "pw2", dialed);

        AssertSucceeded(call, "call");
        AssertSucceeded(await phone.WaitAsync(s_wait), "phone");
    }

    [Fact]
    public async Task Invite_TwoPhonesRegistered_BothRingOneAnswers()
    {
        await using var answering = StartPhone(LoopbackPorts.GetFree());
        await using var ringing = StartPhone(LoopbackPorts.GetFree(), "uas-ring-cancelled.xml");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", answering.Port), "REGISTER phone 1");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", ringing.Port), "REGISTER phone 2");
        Assert.Equal(2, (await Server.GetContactsAsync("alice")).Count);

        var call = await CallAsync("bob", "pw2", "15551230001");

        AssertSucceeded(call, "call");
        AssertSucceeded(await answering.WaitAsync(s_wait), "answering phone");
        // It got the INVITE, rang, and was cancelled when the other phone answered.
        AssertSucceeded(await ringing.WaitAsync(s_wait), "cancelled phone");
    }

    [Fact]
    public async Task Cancel_CallerHangsUpWhileRinging_PhoneCancelled()
    {
        await using var phone = StartPhone(LoopbackPorts.GetFree(), "uas-ring-cancelled.xml");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phone.Port), "REGISTER");

        var call = await CallAsync("bob", "pw2", "15551230001", scenario: "uac-call-cancel.xml");

        AssertSucceeded(call, "caller's CANCEL");
        AssertSucceeded(await phone.WaitAsync(s_wait), "cancelled phone");
    }

    [Fact]
    public async Task Invite_AwayWithSipDefault_ReachesDefaultDestination()
    {
        await using var voicemail = StartPhone(LoopbackPorts.GetFree());
        await Subscribers.SetDefaultDestinationAsync("alice", $"sip:voicemail@127.0.0.1:{voicemail.Port}");

        var call = await CallAsync("bob", "pw2", "15551230001");

        AssertSucceeded(call, "call");
        var reached = await voicemail.WaitAsync(s_wait);
        AssertSucceeded(reached, "voicemail");
        Assert.Contains($"INVITE sip:voicemail@127.0.0.1:{voicemail.Port}", reached.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_AwayWithNumberDefault_FollowsThatNumber()
    {
        // carol forwards to bob's follow-me number; bob's card is in a phone.
        await Subscribers.AddAsync(new NewSubscriber("carol", "pw3", "+15551230003", "+15551230002"));
        await using var bobsPhone = StartPhone(LoopbackPorts.GetFree());
        AssertSucceeded(await RegisterAsync("bob", "pw2", "15551230002", bobsPhone.Port), "REGISTER");

        var call = await CallAsync("alice", "secret", "15551230003");

        AssertSucceeded(call, "call");
        AssertSucceeded(await bobsPhone.WaitAsync(s_wait), "bob's phone");
    }

    [Fact]
    public async Task Invite_PhoneRejects_GoesToDefaultDestination()
    {
        await using var phone = StartPhone(LoopbackPorts.GetFree(), "uas-unavailable.xml");
        await using var voicemail = StartPhone(LoopbackPorts.GetFree());
        await Subscribers.SetDefaultDestinationAsync("alice", $"sip:voicemail@127.0.0.1:{voicemail.Port}");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phone.Port), "REGISTER");

        var call = await CallAsync("bob", "pw2", "15551230001");

        AssertSucceeded(call, "call");
        AssertSucceeded(await phone.WaitAsync(s_wait), "rejecting phone");
        AssertSucceeded(await voicemail.WaitAsync(s_wait), "voicemail");
    }

    [Fact]
    public async Task Invite_PhoneRejectsNoDefault_CallerGetsTheRejection()
    {
        await using var phone = StartPhone(LoopbackPorts.GetFree(), "uas-unavailable.xml");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phone.Port), "REGISTER");

        var call = await CallAsync("bob", "pw2", "15551230001", scenario: "uac-call-unavailable.xml");

        AssertSucceeded(call, "call expecting 480");
        AssertSucceeded(await phone.WaitAsync(s_wait), "rejecting phone");
    }

    [Fact]
    public async Task Invite_PhoneRejectsDefaultNumberAlsoAway_TemporarilyUnavailable()
    {
        // Forwarded once only: carol is away too, and carol's own forward is not followed.
        await Subscribers.AddAsync(new NewSubscriber("carol", "pw3", "+15551230003", "+15551230002"));
        await Subscribers.SetDefaultDestinationAsync("alice", "+15551230003");
        await using var phone = StartPhone(LoopbackPorts.GetFree(), "uas-unavailable.xml");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phone.Port), "REGISTER");

        var call = await CallAsync("bob", "pw2", "15551230001", scenario: "uac-call-unavailable.xml");

        AssertSucceeded(call, "call expecting 480");
    }

    [Fact]
    public async Task Invite_AwayWithoutDefault_TemporarilyUnavailable()
    {
        var call = await CallAsync("bob", "pw2", "15551230001", scenario: "uac-call-unavailable.xml");

        AssertSucceeded(call, "call expecting 480");
        Assert.Contains("SIP/2.0 480", call.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_UnregisteredAfterExpiresZero_TemporarilyUnavailable()
    {
        var phonePort = LoopbackPorts.GetFree();
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phonePort), "REGISTER");
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phonePort, expires: 0), "unREGISTER");

        var call = await CallAsync("bob", "pw2", "15551230001", scenario: "uac-call-unavailable.xml");

        AssertSucceeded(call, "call expecting 480");
    }

    [Theory]
    [InlineData("2125550100", "+12125550100")]
    [InlineData("12125550100", "+12125550100")]
    [InlineData("011442071234567", "+442071234567")]
    public async Task Invite_NonSubscriberNumber_ReachesPstnGateway(string dialed, string e164)
    {
        await using var gateway = StartPhone(PstnPort);

        var call = await CallAsync("bob", "pw2", dialed);

        AssertSucceeded(call, "call");
        var reached = await gateway.WaitAsync(s_wait);
        AssertSucceeded(reached, "PSTN gateway");
        Assert.Contains($"INVITE sip:{e164}@127.0.0.1:{PstnPort}", reached.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_WrongPassword_Forbidden()
    {
        await using var gateway = StartPhone(PstnPort);

        var call = await CallAsync("bob", "wrong", "2125550100", scenario: "uac-call-forbidden.xml");

        AssertSucceeded(call, "call expecting 403");
        Assert.DoesNotContain("INVITE", (await gateway.WaitAsync(TimeSpan.FromSeconds(1))).Messages, StringComparison.Ordinal);
    }
}
