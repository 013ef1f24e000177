using System.Text;

namespace Gateway.Benchmarks;

/// <summary>A typical ~1 KB INVITE with SDP, and a 200 OK to REGISTER.</summary>
internal static class BenchmarkMessages
{
    private const string Sdp =
        "v=0\r\no=alice 2890844526 2890844526 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n" +
        "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:8 PCMA/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendrecv\r\n";

    public static readonly byte[] Invite = Encoding.ASCII.GetBytes(
        "INVITE sip:bob@example.com SIP/2.0\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK776asdhds;rport\r\n" +
        "Max-Forwards: 70\r\n" +
        "To: Bob <sip:bob@example.com>\r\n" +
        "From: \"Alice\" <sip:alice@example.org>;tag=1928301774\r\n" +
        "Call-ID: a84b4c76e66710@pc33.example.org\r\n" +
        "CSeq: 314159 INVITE\r\n" +
        "Contact: <sip:alice@192.0.2.10:5060;transport=udp>;+sip.instance=\"<urn:uuid:00000000-0000-1000-8000-000A95A0E128>\"\r\n" +
        "Allow: INVITE, ACK, CANCEL, BYE, OPTIONS, INFO, UPDATE, PRACK, REFER, NOTIFY, MESSAGE\r\n" +
        "Supported: replaces, timer, 100rel\r\n" +
        "Session-Expires: 1800\r\n" +
        "Min-SE: 90\r\n" +
        "User-Agent: Gateway/0.1 (Follow-me pay-phone)\r\n" +
        "P-Asserted-Identity: \"Alice\" <sip:alice@example.org>\r\n" +
        "Accept: application/sdp\r\n" +
        "Subject: benchmark call\r\n" +
        "Content-Type: application/sdp\r\n" +
        $"Content-Length: {Sdp.Length}\r\n" +
        "\r\n" + Sdp);

    public static readonly byte[] RegisterOk = Encoding.ASCII.GetBytes(
        "SIP/2.0 200 OK\r\n" +
        "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bKnashds7;received=198.51.100.7;rport=40112\r\n" +
        "From: <sip:alice@example.org>;tag=a73kszlfl\r\n" +
        "To: <sip:alice@example.org>;tag=1410948204\r\n" +
        "Call-ID: 1j9FpLxk3uxtm8tn@192.0.2.10\r\n" +
        "CSeq: 2 REGISTER\r\n" +
        "Contact: <sip:alice@198.51.100.7:40112>;expires=3600\r\n" +
        "Date: Thu, 26 Nov 2026 07:00:00 GMT\r\n" +
        "Content-Length: 0\r\n" +
        "\r\n");
}
