using System.Text;
using Gateway.Sip.Dialogs;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Calls;

public sealed class MediaSessionHandlerTests : IAsyncDisposable
{
    private readonly FakeCallMedia _media = new(["PCMU"]);

    [Fact]
    public void AnswerReInvite_Offer_AnswersFromMedia()
    {
        var answer = new MediaSessionHandler(_media).AnswerReInvite(null!, SipNode.Sdp("v=0 hold"));

        Assert.NotNull(answer);
        Assert.Equal("application/sdp", answer.ContentType);
        Assert.Equal(FakeCallMedia.AnswerSdp, Encoding.UTF8.GetString(answer.Content.Span));
        Assert.Equal(["v=0 hold"], _media.ReInviteOffers);
    }

    [Fact]
    public void AnswerReInvite_NoOffer_PassesNull()
    {
        Assert.NotNull(new MediaSessionHandler(_media).AnswerReInvite(null!, null));
        Assert.Equal([null], _media.ReInviteOffers);
    }

    [Fact]
    public void AnswerReInvite_NegotiationFails_Refuses()
    {
        _media.FailNegotiation = true;

        Assert.Null(new MediaSessionHandler(_media).AnswerReInvite(null!, SipNode.Sdp("v=0")));
    }

    [Fact]
    public async Task AnswerReInvite_NotSdpOrBadUtf8OrDisposed_Refuses()
    {
        var handler = new MediaSessionHandler(_media);

        Assert.Null(handler.AnswerReInvite(null!, new SipBodyContent("x"u8.ToArray(), "text/plain")));
        Assert.Null(handler.AnswerReInvite(null!, new SipBodyContent(new byte[] { 0xC3, 0x28 }, "application/sdp")));
        Assert.Empty(_media.ReInviteOffers);
        await _media.DisposeAsync();
        Assert.Null(handler.AnswerReInvite(null!, SipNode.Sdp("v=0")));
    }

    public ValueTask DisposeAsync() => _media.DisposeAsync();
}
