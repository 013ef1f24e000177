using Gateway.Sip.UserAgent;
using Gateway.Telephony.Accounts;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Sip;

public sealed class IncomingCallRouterTests
{
    private readonly AccountDirectory _directory = new();
    private readonly RecordingTarget _station = new("station-1");

    private (SipTestNetwork Net, IncomingCallRouter Router) Create(Func<string, IInboundCallTarget?>? find = null)
    {
        var router = new IncomingCallRouter(_directory, find ?? (id => id == _station.Id ? _station : null));
        return (new SipTestNetwork(router), router);
    }

    [Fact]
    public void Invite_ForAnAccountsContactUser_OfferedToItsStationOnly()
    {
        var (net, _) = Create();
        var alice = SipTestNetwork.Account();
        var bob = SipTestNetwork.Account(reader: "reader-1", station: "station-2", user: "bob");
        _directory.Add(alice);
        _directory.Add(bob);

        net.Send(SipTestNetwork.Invite($"sip:{alice.ContactUser}@127.0.0.1:5060"));

        var (call, account) = Assert.Single(_station.Offers);
        Assert.Same(alice, account);
        Assert.Equal("call-1@peer", call.CallId);
        Assert.DoesNotContain(net.Responses, r => r.StatusCode >= 300);
    }

    [Theory]
    [InlineData("sip:fm-0000000000000000@127.0.0.1:5060")]
    [InlineData("sip:127.0.0.1:5060")]
    [InlineData("sip:%66m-x@127.0.0.1:5060")]
    public void Invite_ForNoAccount_480AndNothingOffered(string requestUri)
    {
        var (net, _) = Create();
        _directory.Add(SipTestNetwork.Account());

        net.Send(SipTestNetwork.Invite(requestUri));

        Assert.Equal(480, net.Responses[^1].StatusCode);
        Assert.Empty(_station.Offers);
    }

    [Fact]
    public void Invite_AfterTheCardWasRemoved_480()
    {
        var (net, _) = Create();
        var alice = SipTestNetwork.Account();
        _directory.Add(alice);
        _directory.Remove(alice);
        alice.Wipe();

        net.Send(SipTestNetwork.Invite($"sip:{alice.ContactUser}@127.0.0.1:5060"));

        Assert.Equal(480, net.Responses[^1].StatusCode);
        Assert.Empty(_station.Offers);
    }

    [Fact]
    public void Invite_WipedButStillListed_480()
    {
        var (net, _) = Create();
        var alice = SipTestNetwork.Account();
        _directory.Add(alice);
        alice.Wipe();

        net.Send(SipTestNetwork.Invite($"sip:{alice.ContactUser}@127.0.0.1:5060"));

        Assert.Equal(480, net.Responses[^1].StatusCode);
    }

    [Fact]
    public void Invite_StationTakesNoCalls_480()
    {
        var (net, _) = Create(_ => null);
        var alice = SipTestNetwork.Account();
        _directory.Add(alice);

        net.Send(SipTestNetwork.Invite($"sip:{alice.ContactUser}@127.0.0.1:5060"));

        Assert.Equal(480, net.Responses[^1].StatusCode);
    }

    [Fact]
    public void Invite_StationThrows_500NotACrash()
    {
        var (net, _) = Create(_ => new ThrowingTarget());
        var alice = SipTestNetwork.Account();
        _directory.Add(alice);

        net.Send(SipTestNetwork.Invite($"sip:{alice.ContactUser}@127.0.0.1:5060"));

        Assert.Equal(500, net.Responses[^1].StatusCode);
    }

    private sealed class RecordingTarget(string id) : IInboundCallTarget
    {
        public string Id { get; } = id;

        public List<(SipIncomingCall Call, FollowMeAccount Account)> Offers { get; } = [];

        public void OfferCall(SipIncomingCall incomingCall, FollowMeAccount account) => Offers.Add((incomingCall, account));
    }

    private sealed class ThrowingTarget : IInboundCallTarget
    {
        public string Id => "station-1";

        public void OfferCall(SipIncomingCall incomingCall, FollowMeAccount account) => throw new InvalidOperationException("station broke");
    }
}
