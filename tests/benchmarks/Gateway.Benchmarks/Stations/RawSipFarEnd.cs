using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Sip.Message;

namespace Gateway.Benchmarks.Stations;

/// <summary>
/// The proxy/registrar side of the station benchmarks: a plain UDP socket on 127.0.0.1 that reads the gateway's
/// requests and writes hand-made SIP, with no SIP stack of its own, so the figures hold only the gateway's work and
/// the kernel's loopback path. Receives block the calling thread, which is the thread being timed.
/// </summary>
internal sealed class RawSipFarEnd : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly byte[] _buffer = new byte[65_535];
    private int _calls;

    public RawSipFarEnd()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Address = (IPEndPoint)_socket.LocalEndPoint!;
    }

    public IPEndPoint Address { get; }

    /// <summary>
    /// Blocks until a datagram starting with <paramref name="startLine"/> arrives (others are skipped) and returns a
    /// copy of it, unparsed, so a timed wait ends with the read itself.
    /// </summary>
    public byte[] Receive(string startLine, TimeSpan timeout)
    {
        var prefix = Encoding.ASCII.GetBytes(startLine);
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                throw new TimeoutException($"no '{startLine}' from the gateway within {timeout.TotalSeconds:F0} s");
            }

            _socket.ReceiveTimeout = (int)Math.Max(1, left);
            int length;
            try
            {
                length = _socket.Receive(_buffer);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.TimedOut)
            {
                continue;
            }

            if (_buffer.AsSpan(0, length).StartsWith(prefix))
            {
                return _buffer[..length];
            }
        }
    }

    /// <summary>Blocks until a final response with <paramref name="status"/> to a <paramref name="method"/> request arrives.</summary>
    public SipResponse ReceiveResponse(int status, string method, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var left = TimeSpan.FromMilliseconds(Math.Max(1, deadline - Environment.TickCount64));
            var response = (SipResponse)Parse(Receive("SIP/2.0 " + status.ToString(CultureInfo.InvariantCulture) + " ", left));
            if (response.CSeq?.Method.ToString() == method)
            {
                return response;
            }
        }
    }

    /// <summary>Answers a request received from the gateway, as a proxy would (the product's own response factory).</summary>
    public void Reply(byte[] request, int status, IPEndPoint to)
    {
        var response = SipResponseFactory.CreateResponse((SipRequest)Parse(request), status, toTag: "far" + _calls.ToString(CultureInfo.InvariantCulture));
        _socket.SendTo(response.ToArray(), to);
    }

    public static SipMessage Parse(byte[] datagram) =>
        SipMessageReader.ParseDatagram(datagram).Message ?? throw new InvalidOperationException("the gateway sent a datagram that does not parse:\n" + Encoding.UTF8.GetString(datagram));

    /// <summary>Builds an INVITE with a PCMU offer from this socket to <paramref name="requestUri"/>; each call gets a new Call-ID and branch.</summary>
    public RawInvite NewInvite(string requestUri)
    {
        var n = Interlocked.Increment(ref _calls).ToString(CultureInfo.InvariantCulture);
        var sdp = string.Create(CultureInfo.InvariantCulture,
            $"v=0\r\no=far {n} 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio {Address.Port + 2} RTP/AVP 0 101\r\na=rtpmap:0 PCMU/8000\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=sendrecv\r\n");
        var invite = new RawInvite(requestUri, $"z9hG4bK-far-{n}", $"far-call-{n}@127.0.0.1", $"<sip:+15550009999@127.0.0.1:{Address.Port}>;tag=ft{n}", $"<{requestUri}>");
        invite.Text = Request("INVITE", invite, "application/sdp", sdp);
        return invite;
    }

    /// <summary>CANCELs an INVITE this socket sent (same branch, RFC 3261 §9.1).</summary>
    public string Cancel(RawInvite invite) => Request("CANCEL", invite, null, string.Empty);

    /// <summary>The ACK for a non-2xx final answer to an INVITE this socket sent (same branch, the answer's To).</summary>
    public string Ack(RawInvite invite, SipResponse finalResponse) =>
        Request("ACK", invite with { To = $"<{invite.RequestUri}>;tag={finalResponse.To?.Tag}" }, null, string.Empty);

    public void Send(string text, IPEndPoint to) => _socket.SendTo(Encoding.UTF8.GetBytes(text), to);

    /// <summary>Reads and drops whatever is queued (retransmissions, ACKs) so the next wait starts clean.</summary>
    public void Drain()
    {
        while (_socket.Available > 0)
        {
            _socket.Receive(_buffer);
        }
    }

    public void Dispose() => _socket.Dispose();

    private string Request(string method, RawInvite invite, string? contentType, string body)
    {
        var text = new StringBuilder().Append(CultureInfo.InvariantCulture, $"{method} {invite.RequestUri} SIP/2.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP 127.0.0.1:{Address.Port};branch={invite.Branch};rport\r\n")
            .Append("Max-Forwards: 70\r\n")
            .Append("From: ").Append(invite.From).Append("\r\n")
            .Append("To: ").Append(invite.To).Append("\r\n")
            .Append("Call-ID: ").Append(invite.CallId).Append("\r\n")
            .Append("CSeq: 1 ").Append(method).Append("\r\n");
        if (method == "INVITE")
        {
            text.Append(CultureInfo.InvariantCulture, $"Contact: <sip:+15550009999@127.0.0.1:{Address.Port}>\r\n");
        }

        if (contentType is not null)
        {
            text.Append("Content-Type: ").Append(contentType).Append("\r\n");
        }

        return text.Append(CultureInfo.InvariantCulture, $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n").Append(body).ToString();
    }
}
