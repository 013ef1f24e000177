using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Gateway.NetworkServer.IntegrationTests.Sip;

/// <summary>
/// A minimal UDP REGISTER client that answers a digest challenge with the
/// algorithm the server asks for (MD5 or SHA-256). SIPp 3.6 knows only MD5,
/// so this is how the SHA-256 path of Kamailio's auth module gets exercised.
/// </summary>
public sealed partial class DigestRegisterClient : IDisposable
{
    private readonly UdpClient _udp = new(new IPEndPoint(IPAddress.Loopback, 0));
    private readonly IPEndPoint _server;
    private readonly string _callId = Guid.NewGuid().ToString("N");

    public DigestRegisterClient(int serverPort)
    {
        _server = new IPEndPoint(IPAddress.Loopback, serverPort);
    }

    private int LocalPort => ((IPEndPoint)_udp.Client.LocalEndPoint!).Port;

    /// <summary>REGISTERs, answers the 401, and returns the challenge header and the final response's status line.</summary>
    public async Task<(string Challenge, string FinalStatus)> RegisterAsync(string user, string password)
    {
        var uri = $"sip:127.0.0.1:{_server.Port}";
        var first = await SendAndReceiveFinalAsync(Request(user, uri, 1, authorization: null));
        if (!first.StartsWith("SIP/2.0 401", StringComparison.Ordinal))
        {
            return (string.Empty, StatusLine(first));
        }

        var challenge = HeaderValue(first, "WWW-Authenticate");
        var fields = DigestParameters().Matches(challenge).ToDictionary(
            m => m.Groups[1].Value.ToUpperInvariant(), m => m.Groups[3].Success ? m.Groups[3].Value : m.Groups[4].Value);
        var algorithm = fields.GetValueOrDefault("ALGORITHM", "MD5");
        Func<string, string> hash = algorithm.Equals("SHA-256", StringComparison.OrdinalIgnoreCase) ? Sha256Hex : Md5Hex;
        var realm = fields["REALM"];
        var nonce = fields["NONCE"];
        var ha1 = hash($"{user}:{realm}:{password}");
        var ha2 = hash($"REGISTER:{uri}");
        var cnonce = Guid.NewGuid().ToString("N")[..16];
        string authorization;
        if (fields.TryGetValue("QOP", out var qop) && qop.Split(',').Contains("auth"))
        {
            var response = hash($"{ha1}:{nonce}:00000001:{cnonce}:auth:{ha2}");
            authorization = $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", " +
                $"response=\"{response}\", algorithm={algorithm}, qop=auth, nc=00000001, cnonce=\"{cnonce}\"";
        }
        else
        {
            var response = hash($"{ha1}:{nonce}:{ha2}");
            authorization = $"Digest username=\"{user}\", realm=\"{realm}\", nonce=\"{nonce}\", uri=\"{uri}\", " +
                $"response=\"{response}\", algorithm={algorithm}";
        }

        var final = await SendAndReceiveFinalAsync(Request(user, uri, 2, authorization));
        return (challenge, StatusLine(final));
    }

    public void Dispose() => _udp.Dispose();

    private string Request(string user, string uri, int cseq, string? authorization)
    {
        var local = $"127.0.0.1:{LocalPort}";
        var builder = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"REGISTER {uri} SIP/2.0\r\n")
            .Append(CultureInfo.InvariantCulture, $"Via: SIP/2.0/UDP {local};rport;branch=z9hG4bK{Guid.NewGuid():N}\r\n")
            .Append(CultureInfo.InvariantCulture, $"From: <sip:{user}@127.0.0.1>;tag={_callId[..8]}\r\n")
            .Append(CultureInfo.InvariantCulture, $"To: <sip:{user}@127.0.0.1>\r\n")
            .Append(CultureInfo.InvariantCulture, $"Call-ID: {_callId}\r\n")
            .Append(CultureInfo.InvariantCulture, $"CSeq: {cseq} REGISTER\r\n")
            .Append(CultureInfo.InvariantCulture, $"Contact: <sip:{user}@{local}>\r\n")
            .Append("Expires: 300\r\nMax-Forwards: 70\r\n");
        if (authorization is not null)
        {
            builder.Append(CultureInfo.InvariantCulture, $"Authorization: {authorization}\r\n");
        }

        return builder.Append("Content-Length: 0\r\n\r\n").ToString();
    }

    private async Task<string> SendAndReceiveFinalAsync(string request)
    {
        await _udp.SendAsync(Encoding.UTF8.GetBytes(request), _server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var datagram = await _udp.ReceiveAsync(timeout.Token);
            var text = Encoding.UTF8.GetString(datagram.Buffer);
            if (!text.StartsWith("SIP/2.0 1", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }

    private static string StatusLine(string response) => response[..response.IndexOf("\r\n", StringComparison.Ordinal)];

    private static string HeaderValue(string message, string name)
    {
        foreach (var line in message.Split("\r\n"))
        {
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))
            {
                return line[(name.Length + 1)..].Trim();
            }
        }

        return string.Empty;
    }

    private static string Sha256Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

#pragma warning disable CA5351 // SIP digest is defined over MD5.
    private static string Md5Hex(string text) => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(text)));
#pragma warning restore CA5351

    [GeneratedRegex("""(\w+)=("([^"]*)"|([^,\s]+))""", RegexOptions.CultureInvariant)]
    private static partial Regex DigestParameters();
}
