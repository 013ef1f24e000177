using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Gateway.Sip.Transport;

namespace Gateway.Telephony.Accounts;

/// <summary>
/// A registrar or outbound proxy: its URI (Request-URI of REGISTER, Route of a proxy) and where packets go. The
/// card and the configuration give it as <c>sip:IP[:port][;transport=udp|tcp]</c> or <c>IP[:port]</c>; only IP
/// literals are accepted because the stack does no DNS (RFC 3263) resolution.
/// </summary>
/// <param name="Uri">E.g. <c>sip:127.0.0.1:5060</c>.</param>
/// <param name="EndPoint">The transport and address.</param>
public sealed record SipServerAddress(string Uri, SipEndPoint EndPoint)
{
    /// <summary>The port when none is given (RFC 3261 §19.1.2).</summary>
    public const int DefaultPort = 5060;

    /// <summary>Reads a server address.</summary>
    /// <param name="text">The text from the card or the configuration.</param>
    /// <param name="address">The address, when the text is valid.</param>
    /// <returns>Whether it was valid.</returns>
    public static bool TryParse(string? text, out SipServerAddress? address)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 256)
        {
            return false;
        }

        var rest = text.Trim();
        if (rest.StartsWith("sip:", StringComparison.OrdinalIgnoreCase))
        {
            rest = rest[4..];
        }
        else if (rest.Contains(':', StringComparison.Ordinal) && !rest.StartsWith('[') && !IPAddress.TryParse(rest.Split(':')[0], out _))
        {
            // Another scheme (sips:, tel:): not something this stack can reach.
            return false;
        }

        var transport = SipTransportKind.Udp;
        var semicolon = rest.IndexOf(';', StringComparison.Ordinal);
        if (semicolon >= 0)
        {
            foreach (var parameter in rest[(semicolon + 1)..].Split(';'))
            {
                if (parameter.Equals("transport=tcp", StringComparison.OrdinalIgnoreCase))
                {
                    transport = SipTransportKind.Tcp;
                }
                else if (!parameter.Equals("transport=udp", StringComparison.OrdinalIgnoreCase) && !parameter.Equals("lr", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }
            }

            rest = rest[..semicolon];
        }

        if (rest.Contains('@', StringComparison.Ordinal) || !TryParseHostPort(rest, out var ip, out var port))
        {
            return false;
        }

        var host = ip.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{ip}]" : ip.ToString();
        var uri = "sip:" + host + ":" + port.ToString(CultureInfo.InvariantCulture) + (transport == SipTransportKind.Tcp ? ";transport=tcp" : string.Empty);
        address = new SipServerAddress(uri, new SipEndPoint(transport, new IPEndPoint(ip, port)));
        return true;
    }

    private static bool TryParseHostPort(string text, out IPAddress ip, out int port)
    {
        ip = IPAddress.None;
        port = DefaultPort;
        string host;
        string? portText = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return false;
            }

            host = text[1..close];
            var after = text[(close + 1)..];
            if (after.Length > 0)
            {
                if (after[0] != ':')
                {
                    return false;
                }

                portText = after[1..];
            }
        }
        else
        {
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            host = colon < 0 ? text : text[..colon];
            portText = colon < 0 ? null : text[(colon + 1)..];
        }

        if (!IPAddress.TryParse(host, out var parsed) || (parsed.AddressFamily == AddressFamily.InterNetworkV6 && !text.StartsWith('[')))
        {
            return false;
        }

        ip = parsed;
        return portText is null
            || (int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and <= 65535);
    }
}
