using Gateway.NetworkServer.IntegrationTests.Sip;
using Gateway.Sip.Registration;
using Gateway.Sip.UserAgent;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>
/// The gateway's own SIP UA core against the real network server (Kamailio) and a real phone (baresip),
/// all on 127.0.0.1: our UA registers with digest auth, then calls go both ways through the proxy's
/// Record-Route, with BYE from either side and CANCEL before answer.
/// </summary>
public sealed class UserAgentCallTests : NetworkServerTestBase
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(15);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("carol", "pw3", "+15551230003"));
    }

    /// <summary>Our UA as subscriber carol, registered at the server.</summary>
    private async Task<UaEndpoint> StartUaAsync()
    {
        var ua = new UaEndpoint(Server.Port, Server.Realm, "carol", "pw3");
        var registered = await ua.RegisterAsync();
        Assert.True(registered.State == RegistrationState.Registered, $"registration ended {registered}\n{KamailioLogTail()}");
        return ua;
    }

    [Fact]
    public async Task UaCallsBaresip_ProxyChallenges_AnsweredThenUaHangsUp()
    {
        await using var ua = await StartUaAsync();
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret");

        var call = ua.Agent.Call(Target("15551230001"), UaEndpoint.Sdp);

        await WaitAsync(call.Connected, "connected");
        Assert.Equal(2, call.Attempts); // the INVITE was challenged (407) and retried with credentials
        Assert.NotEmpty(call.Dialog!.RouteSet); // Kamailio record-routes
        await phone.WaitForLogAsync("Call established", s_wait);
        var bye = await call.HangUpAsync().WaitAsync(s_wait);
        Assert.Equal(200, bye!.StatusCode);
        Assert.Equal(SipCallEndReason.LocalHangUp, (await call.Ended).Reason);
        await phone.WaitForLogAsync("session closed", s_wait);
    }

    [Fact]
    public async Task UaCallsBaresip_HoldAndResumeWithReInvite_BaresipAnswersBoth()
    {
        await using var ua = await StartUaAsync();
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret");
        var call = ua.Agent.Call(Target("15551230001"), UaEndpoint.Sdp);
        await WaitAsync(call.Connected, "connected");
        await phone.WaitForLogAsync("Call established", s_wait);

        var hold = await call.ReInviteAsync(UaEndpoint.WithDirection("sendonly")).WaitAsync(s_wait);
        Assert.Equal(200, hold.StatusCode);
        Assert.Contains("a=recvonly", System.Text.Encoding.ASCII.GetString(hold.Body.Span), StringComparison.Ordinal);

        var resume = await call.ReInviteAsync(UaEndpoint.Sdp).WaitAsync(s_wait);
        Assert.Equal(200, resume.StatusCode);
        Assert.Contains("a=sendrecv", System.Text.Encoding.ASCII.GetString(resume.Body.Span), StringComparison.Ordinal);

        Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
    }

    [Fact]
    public async Task UaCallsBaresip_BaresipHoldsAndResumes_UaAnswersTheReInvites()
    {
        await using var ua = await StartUaAsync();
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret", withControl: true);
        var call = ua.Agent.Call(Target("15551230001"), UaEndpoint.Sdp);
        await WaitAsync(call.Connected, "connected");
        await phone.WaitForLogAsync("Call established", s_wait);

        await phone.SendCommandAsync("hold");
        await WaitUntilAsync(() => !ua.ReInviteOffers.IsEmpty, "hold re-INVITE");
        await phone.SendCommandAsync("resume");
        await WaitUntilAsync(() => ua.ReInviteOffers.Count >= 2, "resume re-INVITE");

        var offers = ua.ReInviteOffers.ToArray();
        Assert.Contains("a=sendonly", offers[0], StringComparison.Ordinal);
        Assert.Contains("a=sendrecv", offers[1], StringComparison.Ordinal);
        Assert.Equal(SipCallState.Connected, call.State);
        Assert.Equal(200, (await call.HangUpAsync().WaitAsync(s_wait))!.StatusCode);
    }

    [Fact]
    public async Task UaCallsBaresip_BaresipHangsUp_RemoteHangUp()
    {
        await using var ua = await StartUaAsync();
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret", withControl: true);
        var call = ua.Agent.Call(Target("15551230001"), UaEndpoint.Sdp);
        await WaitAsync(call.Connected, "connected");
        await phone.WaitForLogAsync("Call established", s_wait);

        await phone.SendCommandAsync("hangup");

        Assert.Equal(SipCallEndReason.RemoteHangUp, (await WaitAsync(call.Ended, "ended")).Reason);
        Assert.Equal(0, ua.Agent.Dialogs.Count);
    }

    [Fact]
    public async Task UaCallsBaresip_CancelWhileRinging_487()
    {
        await using var ua = await StartUaAsync();
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret", autoAnswer: false);
        var call = ua.Agent.Call(Target("15551230001"), UaEndpoint.Sdp);
        await WaitAsync(call.Ringing, "ringing");

        Assert.True(call.Cancel());

        Assert.Equal(new SipCallEnd(SipCallEndReason.LocalCancel, 487), await WaitAsync(call.Ended, "ended"));
    }

    [Fact]
    public async Task BaresipCallsUa_UaAnswers_ThenBaresipHangsUp()
    {
        await using var ua = await StartUaAsync();
        ua.Answer = c => c.Accept(UaEndpoint.Sdp);
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret", withControl: true);

        await phone.SendCommandAsync("dial", $"sip:15551230003@127.0.0.1:{Server.Port}");

        var call = await WaitAsync(ua.FirstCall, "incoming call");
        Assert.NotEmpty(call.Request.RecordRoute);
        await phone.WaitForLogAsync("Call established", s_wait);

        // baresip logs "established" as it sends the ACK; the ACK still has to cross Kamailio to reach us.
        var deadline = DateTime.UtcNow + s_wait;
        while (!call.IsAcknowledged && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(call.IsAcknowledged);
        await phone.SendCommandAsync("hangup");
        Assert.Equal(SipCallEndReason.RemoteHangUp, (await WaitAsync(call.Ended, "ended")).Reason);
    }

    [Fact]
    public async Task BaresipCallsUa_UaAnswersThenHangsUp_ByeThroughTheProxy()
    {
        await using var ua = await StartUaAsync();
        ua.Answer = c => c.Accept(UaEndpoint.Sdp);
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret", withControl: true);

        await phone.SendCommandAsync("dial", $"sip:carol@127.0.0.1:{Server.Port}");
        var call = await WaitAsync(ua.FirstCall, "incoming call");
        await phone.WaitForLogAsync("Call established", s_wait);

        var bye = await call.HangUpAsync().WaitAsync(s_wait);

        Assert.Equal(200, bye!.StatusCode);
        await phone.WaitForLogAsync("session closed", s_wait);
    }

    [Fact]
    public async Task BaresipCallsUa_CallerHangsUpWhileRinging_CancelGives487()
    {
        await using var ua = await StartUaAsync();
        await using var phone = await BaresipPhone.StartAsync(Server.Port, "15551230001", "alice", "secret", withControl: true);

        await phone.SendCommandAsync("dial", $"sip:carol@127.0.0.1:{Server.Port}");
        var call = await WaitAsync(ua.FirstCall, "incoming call");
        await phone.WaitForLogAsync("180 Ringing", s_wait);
        await phone.SendCommandAsync("hangup");

        Assert.Equal(new SipCallEnd(SipCallEndReason.RemoteCancel, 487), await WaitAsync(call.Ended, "ended"));
    }

    private async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow + s_wait;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"no {what} within {s_wait}\n--- kamailio log (tail) ---\n{KamailioLogTail()}");
            await Task.Delay(50);
        }
    }

    private string Target(string user) => $"sip:{user}@127.0.0.1:{Server.Port}";

    private async Task<T> WaitAsync<T>(Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(s_wait);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"not {what} within {s_wait}\n--- kamailio log (tail) ---\n{KamailioLogTail()}");
            throw;
        }
    }

    private async Task WaitAsync(Task task, string what)
    {
        try
        {
            await task.WaitAsync(s_wait);
        }
        catch (TimeoutException)
        {
            Assert.Fail($"not {what} within {s_wait}\n--- kamailio log (tail) ---\n{KamailioLogTail()}");
        }
    }
}
