namespace Gateway.Sdp.Tests;

public class SdpOfferAnswerTests
{
    private static readonly SdpCodec s_pcma = new("PCMA", 8000, 8);
    private static readonly SdpCodec s_pcmu = new("PCMU", 8000, 0);
    private static readonly SdpCodec s_g722 = new("G722", 8000, 9);
    private static readonly SdpCodec s_opus = new("opus", 48000, 111, 2, "useinbandfec=1");

    private static SdpOfferAnswer Local(params SdpCodec[] prefs) => new("127.0.0.1", 40000, prefs, sessionId: 1000);

    [Fact]
    public void CreateAnswer_PicksOurPreferenceAmongOffered()
    {
        var result = Local(s_g722, s_pcma, s_pcmu).CreateAnswer(SampleSdp.Parse(SampleSdp.Offer));
        Assert.True(result.IsAcceptable);
        var audio = result.Audio!;
        Assert.Equal("G722", audio.Codec.EncodingName);
        Assert.Equal(["PCMA", "PCMU"], audio.AlternativeCodecs.Select(c => c.EncodingName));
        Assert.Equal(101, audio.TelephoneEvent?.PayloadType);
        Assert.Equal("127.0.0.1", audio.RemoteAddress);
        Assert.Equal(49170, audio.RemotePort);
        Assert.Equal(20, audio.RemotePtime);
        var m = Assert.Single(result.Answer.Media);
        Assert.Equal(["9", "8", "0", "101"], m.Formats);
        Assert.Equal("0-15", m.GetFmtp(101));
        Assert.Equal(40000, m.Port);
        Assert.Equal(SdpDirection.SendRecv, m.Direction);
    }

    [Fact]
    public void CreateAnswer_OpusUsesOfferersPayloadTypeAndOurFmtp()
    {
        var offer = SampleSdp.Parse(SampleSdp.Offer.Replace("111", "98", StringComparison.Ordinal));
        var result = Local(s_opus, s_pcma).CreateAnswer(offer);
        Assert.Equal(new SdpRtpMap(98, "opus", 48000, 2), result.Audio!.Codec);
        Assert.Equal("useinbandfec=1", result.Answer.Media[0].GetFmtp(98));
    }

    [Fact]
    public void CreateAnswer_NoTelephoneEventOffered_NoneAnswered()
    {
        var offer = SampleSdp.Parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 0\r\n");
        var result = Local(s_pcmu).CreateAnswer(offer);
        Assert.Null(result.Audio!.TelephoneEvent);
        Assert.Equal(["0"], result.Answer.Media[0].Formats);
    }

    [Theory]
    [InlineData("sendonly", SdpDirection.RecvOnly)]
    [InlineData("recvonly", SdpDirection.SendOnly)]
    [InlineData("inactive", SdpDirection.Inactive)]
    [InlineData("sendrecv", SdpDirection.SendRecv)]
    public void CreateAnswer_MirrorsDirection(string offered, SdpDirection answered)
    {
        var offer = SampleSdp.Parse(SampleSdp.Offer.Replace("a=sendrecv", "a=" + offered, StringComparison.Ordinal));
        var result = Local(s_pcma).CreateAnswer(offer);
        Assert.Equal(answered, result.Answer.Media[0].Direction);
        Assert.Equal(answered, result.Audio!.Direction);
    }

    [Fact]
    public void CreateAnswer_LocalHoldWithSendrecvOffer_AnswersSendonly()
    {
        var result = Local(s_pcma).CreateAnswer(SampleSdp.Parse(SampleSdp.Offer), SdpDirection.SendOnly);
        Assert.Equal(SdpDirection.SendOnly, result.Answer.Media[0].Direction);
    }

    [Fact]
    public void CreateAnswer_VideoAndSecondAudio_RejectedWithPortZeroInOrder()
    {
        var offer = SampleSdp.Parse(
            "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n" +
            "m=video 6000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\n" +
            "m=audio 5000 RTP/SAVP 0\r\n" +
            "m=audio 5002 RTP/AVP 0\r\n" +
            "m=audio 5004 RTP/AVP 8\r\n");
        var result = Local(s_pcmu, s_pcma).CreateAnswer(offer);
        var media = result.Answer.Media;
        Assert.Equal(4, media.Count);
        Assert.Equal(["video", "audio", "audio", "audio"], media.Select(m => m.Media));
        Assert.Equal([0, 0, 40000, 0], media.Select(m => m.Port));
        Assert.Equal("RTP/SAVP", media[1].Protocol);
        Assert.Equal(2, result.Audio!.MediaIndex);
        Assert.Equal(["96"], media[0].Formats);
    }

    [Fact]
    public void CreateAnswer_NoCommonCodec_IsNotAcceptable()
    {
        var offer = SampleSdp.Parse("v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 5000 RTP/AVP 18\r\n");
        var result = Local(s_pcma).CreateAnswer(offer);
        Assert.False(result.IsAcceptable);
        Assert.Equal(0, result.Answer.Media[0].Port);
    }

    [Fact]
    public void CreateAnswer_HoldAddress_GivesNoRemoteAddress()
    {
        var offer = SampleSdp.Parse(SampleSdp.Offer.Replace("c=IN IP4 127.0.0.1", "c=IN IP4 0.0.0.0", StringComparison.Ordinal));
        Assert.Null(Local(s_pcma).CreateAnswer(offer).Audio!.RemoteAddress);
    }

    [Fact]
    public void CreateOffer_ListsPreferencesTelephoneEventPtimeDirection()
    {
        var offer = Local(s_opus, s_pcma).CreateOffer();
        var m = Assert.Single(offer.Media);
        Assert.Equal(["111", "8", "101"], m.Formats);
        Assert.Equal(new SdpRtpMap(111, "opus", 48000, 2), m.GetRtpMap(111));
        Assert.Equal("0-16", m.GetFmtp(101));
        Assert.Equal(20, m.Ptime);
        Assert.Equal(SdpDirection.SendRecv, m.Direction);
        Assert.Equal("127.0.0.1", offer.Connection?.Address);
        Assert.Equal(offer.ToString(), SdpParser.Parse(offer.ToString()).ToString());
    }

    [Fact]
    public void Version_GrowsOnlyWhenTheDescriptionChanges()
    {
        var oa = Local(s_pcma);
        Assert.Equal(1000ul, oa.CreateOffer().Origin.SessionVersion);
        Assert.Equal(1000ul, oa.CreateOffer().Origin.SessionVersion);
        var hold = oa.CreateHoldOffer();
        Assert.Equal(1001ul, hold.Origin.SessionVersion);
        Assert.Equal(SdpDirection.SendOnly, hold.Media[0].Direction);
        Assert.Equal(SdpDirection.Inactive, oa.CreateHoldOffer(peerHoldsUs: true).Media[0].Direction);
        var resume = oa.CreateResumeOffer();
        Assert.Equal(1003ul, resume.Origin.SessionVersion);
        Assert.Equal(SdpDirection.SendRecv, resume.Media[0].Direction);
        oa.Port = 40002;
        Assert.Equal(1004ul, oa.CreateOffer().Origin.SessionVersion);
    }

    [Fact]
    public void ProcessAnswer_ReadsCodecAndDirection()
    {
        var oa = Local(s_pcma, s_pcmu);
        oa.CreateHoldOffer();
        var answer = SampleSdp.Parse("v=0\r\no=- 5 5 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.9\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0 101\r\na=rtpmap:101 telephone-event/8000\r\na=recvonly\r\n");
        var audio = oa.ProcessAnswer(answer)!;
        Assert.Equal("PCMU", audio.Codec.EncodingName);
        Assert.Equal(SdpDirection.SendOnly, audio.Direction);
        Assert.Equal("127.0.0.9", audio.RemoteAddress);
        Assert.Equal(7000, audio.RemotePort);
        Assert.NotNull(audio.TelephoneEvent);
    }

    [Fact]
    public void ProcessAnswer_WrongLineCount_IsError()
    {
        var oa = Local(s_pcma);
        oa.CreateOffer();
        var answer = SampleSdp.Parse("v=0\r\no=- 5 5 IN IP4 h\r\ns=-\r\nc=IN IP4 127.0.0.9\r\nt=0 0\r\nm=audio 7000 RTP/AVP 8\r\nm=video 0 RTP/AVP 96\r\n");
        Assert.Throws<SdpParseException>(() => oa.ProcessAnswer(answer));
    }

    [Fact]
    public void ProcessAnswer_PortZero_IsRejectedStream()
    {
        var oa = Local(s_pcma);
        oa.CreateOffer();
        Assert.Null(oa.ProcessAnswer(SampleSdp.Parse("v=0\r\no=- 5 5 IN IP4 h\r\ns=-\r\nc=IN IP4 127.0.0.9\r\nt=0 0\r\nm=audio 0 RTP/AVP 8\r\n")));
    }

    [Fact]
    public void DetectRemoteChanges_AddressAndPort()
    {
        var before = SampleSdp.Parse(SampleSdp.Offer);
        var same = SampleSdp.Parse(SampleSdp.Offer);
        Assert.Empty(SdpOfferAnswer.DetectRemoteChanges(before, same));
        var moved = SampleSdp.Parse(SampleSdp.Offer.Replace("127.0.0.1\r\nt=", "127.0.0.5\r\nt=", StringComparison.Ordinal).Replace("49170", "49180", StringComparison.Ordinal));
        var change = Assert.Single(SdpOfferAnswer.DetectRemoteChanges(before, moved));
        Assert.Equal(new SdpRemoteChange(0, "127.0.0.1", 49170, "127.0.0.5", 49180), change);
    }
}
