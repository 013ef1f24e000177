namespace Gateway.Sdp.Tests;

internal static class SampleSdp
{
    /// <summary>A typical desk-phone offer: PCMU, PCMA, G.722, Opus and telephone-event, session-level c=.</summary>
    public const string Offer =
        "v=0\r\n" +
        "o=alice 2890844526 2890844526 IN IP4 127.0.0.1\r\n" +
        "s=-\r\n" +
        "c=IN IP4 127.0.0.1\r\n" +
        "t=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 9 111 101\r\n" +
        "a=rtpmap:111 opus/48000/2\r\n" +
        "a=fmtp:111 useinbandfec=1\r\n" +
        "a=rtpmap:101 telephone-event/8000\r\n" +
        "a=fmtp:101 0-15\r\n" +
        "a=ptime:20\r\n" +
        "a=maxptime:40\r\n" +
        "a=sendrecv\r\n";

    public static SdpSessionDescription Parse(string text) => SdpParser.Parse(text);
}
