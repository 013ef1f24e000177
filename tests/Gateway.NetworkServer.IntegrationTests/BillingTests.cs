namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>acc and acc_cdrs rows after real calls: the caller's account pays, plus the lobby phone's surcharge.</summary>
public sealed class BillingTests : NetworkServerTestBase
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(30);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002"));
        await Server.CreateDeviceSurchargeStore().SetAsync("lobby-7", 75, "Hotel lobby");
    }

    // The dialog ends (and acc writes) while the BYE's 200 is on its way, so
    // SIPp can finish a moment before the row exists.
    private async Task<IReadOnlyList<CallDetailRecord>> ReadCallsAsync(int expected)
    {
        var reader = Server.CreateCdrReader();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        IReadOnlyList<CallDetailRecord> calls;
        while ((calls = await reader.ReadCallsAsync()).Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return calls;
    }

    private async Task<IReadOnlyList<AccountingEvent>> ReadEventsAsync(int expected)
    {
        var reader = Server.CreateCdrReader();
        var deadline = DateTime.UtcNow.AddSeconds(5);
        IReadOnlyList<AccountingEvent> events;
        while ((events = await reader.ReadEventsAsync()).Count < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        return events;
    }

    [Fact]
    public async Task CompletedCall_CdrBillsCallerWithDeviceSurcharge()
    {
        await using var gateway = StartPhone(PstnPort);
        var before = DateTimeOffset.UtcNow;

        var call = await CallAsync("bob", "pw2", "2125550100", device: "lobby-7", holdMilliseconds: 1500);

        AssertSucceeded(call, "call");
        AssertSucceeded(await gateway.WaitAsync(s_wait), "PSTN gateway");
        var cdr = Assert.Single(await ReadCallsAsync(1));
        Assert.Equal("bob", cdr.BilledUser);
        Assert.Equal("bob", cdr.Caller);
        Assert.Equal("2125550100", cdr.Callee);
        Assert.Equal("lobby-7", cdr.DeviceId);
        Assert.Equal(75, cdr.SurchargeCents);
        Assert.InRange(cdr.Duration, TimeSpan.FromSeconds(1.3), TimeSpan.FromSeconds(5));
        Assert.InRange(cdr.Start, before.AddSeconds(-2), DateTimeOffset.UtcNow.AddSeconds(2));
        Assert.Contains($"Call-ID: {cdr.CallId}", call.Messages, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompletedCall_AccRowsForInviteAndBye()
    {
        await using var phone = StartPhone(LoopbackPorts.GetFree());
        AssertSucceeded(await RegisterAsync("alice", "secret", "15551230001", phone.Port), "REGISTER");

        AssertSucceeded(await CallAsync("bob", "pw2", "15551230001", device: "lobby-7"), "call");
        AssertSucceeded(await phone.WaitAsync(s_wait), "phone");

        var events = await ReadEventsAsync(2);
        Assert.Equal(["INVITE", "BYE"], events.Select(e => e.Method));
        Assert.All(events, e =>
        {
            Assert.Equal("200", e.SipCode);
            Assert.Equal("bob", e.BilledUser);
            // The number as dialled, not the contact lookup rewrote it to.
            Assert.Equal("15551230001", e.Callee);
            Assert.Equal("127.0.0.1", e.SourceIp);
            Assert.Equal("lobby-7", e.DeviceId);
            Assert.Equal(75, e.SurchargeCents);
        });
    }

    [Fact]
    public async Task CompletedCall_UnknownDevice_NoSurcharge()
    {
        await using var gateway = StartPhone(PstnPort);

        AssertSucceeded(await CallAsync("alice", "secret", "2125550100", device: "lobby-unknown"), "call");
        AssertSucceeded(await gateway.WaitAsync(s_wait), "PSTN gateway");

        var cdr = Assert.Single(await ReadCallsAsync(1));
        Assert.Equal("alice", cdr.BilledUser);
        Assert.Equal("lobby-unknown", cdr.DeviceId);
        Assert.Equal(0, cdr.SurchargeCents);
    }

    [Fact]
    public async Task CompletedCall_DeviceHeaderNotForwarded()
    {
        await using var gateway = StartPhone(PstnPort);

        AssertSucceeded(await CallAsync("alice", "secret", "2125550100", device: "lobby-7"), "call");
        var reached = await gateway.WaitAsync(s_wait);

        AssertSucceeded(reached, "PSTN gateway");
        Assert.DoesNotContain("X-Gateway-Device", reached.Messages, StringComparison.OrdinalIgnoreCase);
    }
}
