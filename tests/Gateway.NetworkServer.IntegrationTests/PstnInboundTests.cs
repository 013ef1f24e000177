using Gateway.NetworkServer.IntegrationTests.Sipp;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>
/// Calls that come in from the PSTN gateway (trusted by its exact source
/// address, no credentials) reach the phone holding the card, and are never
/// sent back out to the PSTN.
/// </summary>
public sealed class PstnInboundTests : NetworkServerTestBase
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);
    private readonly int _gatewayPort = LoopbackPorts.GetFree();

    protected override NetworkServerOptions CreateOptions() => new()
    {
        PstnUri = $"sip:127.0.0.1:{PstnPort}",
        PstnSource = $"127.0.0.1:{_gatewayPort}",
    };

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
    }

    [Fact]
    public async Task Invite_FromGatewayToFollowMeNumber_ReachesPhoneWithoutCredentials()
    {
        await using var phone = StartPhone(LoopbackPorts.GetFree());
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phone.Port), "REGISTER");

        var call = await FromGatewayAsync("pstn-call.xml", "+15551230001");

        AssertSucceeded(call, "inbound call");
        AssertSucceeded(await phone.WaitAsync(s_wait), "phone");
        Assert.DoesNotContain("SIP/2.0 407", call.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_FromGatewayToNonSubscriber_NotSentBackToPstn()
    {
        await using var gateway = StartPhone(PstnPort);

        var call = await FromGatewayAsync("pstn-call-rejected.xml", "2125550100");

        AssertSucceeded(call, "inbound call expecting 404");
        Assert.DoesNotContain("INVITE", (await gateway.WaitAsync(TimeSpan.FromSeconds(1))).Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invite_WithoutCredentialsFromOtherPort_Challenged()
    {
        var call = await SippProcess.RunAsync("pstn-call.xml", Remote, new Dictionary<string, string>
        {
            ["caller"] = "+12125550100",
            ["callee"] = "+15551230001",
        });

        Assert.False(call.Succeeded);
        Assert.Contains("SIP/2.0 407", call.Messages, StringComparison.Ordinal);
    }

    private Task<SippResult> FromGatewayAsync(string scenario, string callee) =>
        SippProcess.RunAsync(scenario, Remote, new Dictionary<string, string>
        {
            ["caller"] = "+12125550100",
            ["callee"] = callee,
        }, port: _gatewayPort);
}
