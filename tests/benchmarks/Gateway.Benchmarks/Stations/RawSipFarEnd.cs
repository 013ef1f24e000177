using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

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

    /// <summary>Blocks until a request with <paramref name="method"/> arrives (other datagrams are skipped) and returns its text.</summary>
    public string ReceiveRequest(string method, TimeSpan timeout) => Receive(method + " ", timeout);

    /// <summary>Blocks until a response with <paramref name="status"/> for <paramref name="cseqMethod"/> arrives.</summary>
    public string ReceiveResponse(int status, string cseqMethod, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var text = Receive("SIP/2.0 " + status.ToString(CultureInfo.InvariantCulture), TimeSpan.FromMilliseconds(Math.Max(1, deadline - Environment.TickCount64)));
            if (Header(text, "CSeq", null).EndsWith(" " + cseqMethod, StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    /// <summary>Answers a request received from the gateway (its Vias, From, Call-ID and CSeq; a tag on To).</summary>
    public void Reply(string request, int status, string reason, IPEndPoint to)
    {
        var response = new StringBuilder().Append(CultureInfo.InvariantCulture, $"SIP/2.0 {status} {reason}\r\n");
        foreach (var via in Headers(request, "Via", "v"))
        {
            response.Append("Via: ").Append(via).Append("\r\n");
        }

        var toHeader = Header(request, "To", "t");
        response.Append("From: ").Append(Header(request, "From", "f")).Append("\r\n")
            .Append("To: ").Append(toHeader).Append(toHeader.Contains(";tag=", StringComparison.Ordinal) ? string.Empty : ";tag=far" + _calls.ToString(CultureInfo.InvariantCulture)).Append("\r\n")
            .Append("Call-ID: ").Append(Header(request, "Call-ID", "i")).Append("\r\n")
            .Append("CSeq: ").Append(Header(request, "CSeq", null)).Append("\r\n")
            .Append("Content-Length: 0\r\n\r\n");
        Send(response.ToString(), to);
    }

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
    public string Ack(RawInvite invite, string finalResponse) =>
        Request("ACK", invite with { To = Header(finalResponse, "To", "t") }, null, string.Empty);

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

    private string Receive(string startsWith, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        while (true)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0)
            {
                throw new TimeoutException($"no '{startsWith}' from the gateway within {timeout.TotalSeconds:F0} s");
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

            var text = Encoding.UTF8.GetString(_buffer, 0, length);
            if (text.StartsWith(startsWith, StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    private static string Header(string message, string name, string? compact) =>
        Headers(message, name, compact).FirstOrDefault() ?? throw new InvalidOperationException($"no {name} header in:\n{message}");

    private static IEnumerable<string> Headers(string message, string name, string? compact)
    {
        foreach (var line in message[..message.IndexOf("\r\n\r\n", StringComparison.Ordinal)].Split("\r\n").Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? string.Empty : line[..colon].Trim();
            if (field.Equals(name, StringComparison.OrdinalIgnoreCase) || (compact is not null && field.Equals(compact, StringComparison.OrdinalIgnoreCase)))
            {
                // Several Vias may share a line; each goes back on its own line, in order.
                foreach (var value in name == "Via" ? line[(colon + 1)..].Split(',') : [line[(colon + 1)..]])
                {
                    yield return value.Trim();
                }
            }
        }
    }
}
