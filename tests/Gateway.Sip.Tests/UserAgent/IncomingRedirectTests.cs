using Gateway.Sip.UserAgent;

namespace Gateway.Sip.Tests.UserAgent;

public sealed class IncomingRedirectTests
{
    private readonly UaPair _pair = new();

    [Fact]
    public async Task Redirect_Sends302WithContact_AndEndsBothSides()
    {
        var caller = _pair.Alice.Agent.Call(_pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(_pair.Bob.IncomingCalls);

        Assert.True(callee.Redirect(302, "sip:+15550009999@127.0.0.1"));

        var end = await caller.Ended.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(SipCallEndReason.Rejected, end.Reason);
        Assert.Equal(302, end.StatusCode);
        Assert.Equal("<sip:+15550009999@127.0.0.1>", caller.LastResponse!.GetValues("Contact")[0].ToString());
        Assert.Equal(SipCallState.Ended, callee.State);
        Assert.False(callee.Redirect(302, "sip:x@127.0.0.1"));
        Assert.False(callee.Reject(486));
    }

    [Fact]
    public void Redirect_AfterAccept_ReturnsFalse()
    {
        var (_, callee) = _pair.Connect();

        Assert.False(callee.Redirect(302, "sip:x@127.0.0.1"));
        Assert.Equal(SipCallState.Connected, callee.State);
    }

    [Theory]
    [InlineData("<sip:x@127.0.0.1>")]
    [InlineData("sip:x@127.0.0.1\r\nVia: evil")]
    [InlineData(" ")]
    public void Redirect_UnsafeContact_Throws(string contact)
    {
        _pair.Alice.Agent.Call(_pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(_pair.Bob.IncomingCalls);

        Assert.ThrowsAny<ArgumentException>(() => callee.Redirect(302, contact));
        Assert.True(callee.Reject(480));
    }

    [Fact]
    public void Redirect_StatusOutside3xx_Throws()
    {
        _pair.Alice.Agent.Call(_pair.Bob.Uri, Sdp.Offer);
        var callee = Assert.Single(_pair.Bob.IncomingCalls);

        Assert.Throws<ArgumentOutOfRangeException>(() => callee.Redirect(200, "sip:x@127.0.0.1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => callee.Redirect(404, "sip:x@127.0.0.1"));
    }
}
