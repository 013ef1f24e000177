using Gateway.NetworkServer.IntegrationTests.Sip;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>A real SIP phone (baresip) as the lobby phone that holds the card.</summary>
public sealed class BaresipPhoneTests : NetworkServerTestBase
{
    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002"));
    }

    [Fact]
    public async Task Invite_BaresipRegisteredFollowMeNumber_CallEstablished()
    {
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret");
        Assert.Contains(await Server.GetContactsAsync("alice"), c => c.Contains($"@127.0.0.1:{phone.Port}", StringComparison.Ordinal));

        var call = await CallAsync("bob", "pw2", "5551230001", holdMilliseconds: 500);

        AssertSucceeded(call, "call");
        await phone.WaitForLogAsync("Call established", TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Invite_BaresipUnregistered_GoesToDefaultDestination()
    {
        await using var voicemail = StartPhone(LoopbackPorts.GetFree());
        await Subscribers.SetDefaultDestinationAsync("alice", $"sip:voicemail@127.0.0.1:{voicemail.Port}");
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret");

        // The card is pulled: the phone unregisters.
        await phone.StopAsync();
        Assert.Empty(await Server.GetContactsAsync("alice"));

        AssertSucceeded(await CallAsync("bob", "pw2", "15551230001"), "call");
        AssertSucceeded(await voicemail.WaitAsync(TimeSpan.FromSeconds(30)), "voicemail");
    }
}
