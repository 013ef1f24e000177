using System.Net;
using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Tests.Transactions;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.UserAgent;

/// <summary>A hand-driven SIP peer: sends literal text and records what it receives.</summary>
internal sealed class RawPeer
{
    private readonly LoopbackSipTransport _transport;

    public RawPeer(LoopbackSipNetwork network, FakeTimeProvider time, int port)
    {
        Address = new IPEndPoint(IPAddress.Loopback, port);
        _transport = network.CreateTransport(SipTransportKind.Udp, Address);
        Recorder = new RecordingPeer(time);
        _transport.Start(Recorder);
    }

    public IPEndPoint Address { get; }

    public RecordingPeer Recorder { get; }

    public string Contact => $"<sip:peer@127.0.0.1:{Address.Port}>";

    public void Send(IPEndPoint to, string text) =>
        _transport.SendAsync(to, Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"))).AsTask().GetAwaiter().GetResult();

    /// <summary>Answers a request the peer received, adding header lines and optionally a body.</summary>
    public void Respond(IPEndPoint to, SipRequest request, int status, string toTag = "peer-tag", string extraHeaders = "", string body = "")
    {
        var builder = SipResponseFactory.CreateResponse(request, status, toTag: toTag);
        foreach (var line in extraHeaders.Split("\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            builder.AddHeader(line[..colon].Trim(), line[(colon + 1)..].Trim());
        }

        if (body.Length > 0)
        {
            builder.SetBody(Encoding.ASCII.GetBytes(body), "application/sdp");
        }

        _transport.SendAsync(to, builder.ToArray()).AsTask().GetAwaiter().GetResult();
    }

    public static string Request(string method, string requestUri, string callId, int cseq, string toTag = "", string extraHeaders = "", string fromTag = "caller-tag", int port = 5070, string branch = "")
    {
        branch = branch.Length > 0 ? branch : Gateway.Sip.Transactions.SipBranch.Create();
        var to = toTag.Length > 0 ? $"<{requestUri}>;tag={toTag}" : $"<{requestUri}>";
        return $"{method} {requestUri} SIP/2.0\r\n"
            + $"Via: SIP/2.0/UDP 127.0.0.1:{port};branch={branch}\r\n"
            + "Max-Forwards: 70\r\n"
            + $"From: <sip:peer@127.0.0.1:{port}>;tag={fromTag}\r\n"
            + $"To: {to}\r\n"
            + $"Call-ID: {callId}\r\n"
            + $"CSeq: {cseq} {method}\r\n"
            + extraHeaders
            + "Content-Length: 0\r\n\r\n";
    }
}
