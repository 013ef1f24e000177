using System.Text;
using Gateway.Sip.Dialogs;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>Small static SDP bodies; the UA treats them as opaque bytes.</summary>
internal static class Sdp
{
    public static readonly SipBodyContent Offer = Body("sendrecv", 4000);
    public static readonly SipBodyContent Answer = Body("sendrecv", 5000);
    public static readonly SipBodyContent Hold = Body("sendonly", 4000);
    public static readonly SipBodyContent Resume = Body("sendrecv", 4000);

    public static string Text(SipBodyContent? body) => body is null ? string.Empty : Encoding.UTF8.GetString(body.Content.Span);

    private static SipBodyContent Body(string direction, int port) => new(Encoding.ASCII.GetBytes(
        "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
        + $"m=audio {port} RTP/AVP 8\r\na=rtpmap:8 PCMA/8000\r\na={direction}\r\n"), "application/sdp");
}
