using System.Globalization;
using System.Net;
using System.Text;
using Gateway.Sip.Headers;
using Gateway.Sip.Message;

namespace Gateway.Sip.Transport;

/// <summary>
/// The server side of RFC 3261 §18.2.1 and RFC 3581: the top Via of an inbound request gets
/// received=&lt;source IP&gt; when its sent-by differs from the source (or rport is present), and an
/// empty rport gets the source port. Responses copy the Via, so they find their way back through NAT.
/// </summary>
public static class SipReceivedStamp
{
    private static readonly SipParserOptions s_reparse = new() { MaxMessageSize = int.MaxValue };

    /// <summary>Stamps the top Via of a request.</summary>
    /// <param name="request">The request as received.</param>
    /// <param name="source">The source address and port.</param>
    /// <returns>The same request when nothing changes or the Via does not parse, otherwise a re-parsed copy.</returns>
    public static SipRequest Apply(SipRequest request, IPEndPoint source)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(source);
        var index = -1;
        for (var i = 0; i < request.HeaderCount; i++)
        {
            if (request.GetHeader(i).Id == SipHeaderId.Via)
            {
                index = i;
                break;
            }
        }

        if (index < 0)
        {
            return request;
        }

        var field = request.GetHeader(index);
        var end = ElementEnd(field.Value.Span);
        SipVia via;
        try
        {
            via = SipVia.Parse(field.Value.Memory[..end], field.ValueOffset);
        }
        catch (SipParseException)
        {
            // The transaction layer answers 400 for a bad Via; stamping cannot help it.
            return request;
        }

        var address = Normalize(source.Address);
        var emptyRPort = via.Parameters.TryGetValue("rport", out var rport) && rport.IsEmpty;
        var addReceived = via.HasRPort || !HostMatches(via.Host, address);
        if (!addReceived && !emptyRPort)
        {
            return request;
        }

        var element = Rebuild(Encoding.UTF8.GetString(field.Value.Span[..end]), address, source.Port, addReceived);
        var raw = request.Raw.Span;
        var elementBytes = Encoding.UTF8.GetBytes(element);
        var bytes = new byte[raw.Length - end + elementBytes.Length];
        raw[..field.ValueOffset].CopyTo(bytes);
        elementBytes.CopyTo(bytes.AsSpan(field.ValueOffset));
        raw[(field.ValueOffset + end)..].CopyTo(bytes.AsSpan(field.ValueOffset + elementBytes.Length));
        return SipMessageReader.ParseDatagram(bytes, s_reparse).Message as SipRequest ?? request;
    }

    private static IPAddress Normalize(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;

    private static bool HostMatches(SipText host, IPAddress source)
    {
        var text = host.Span;
        if (text.Length > 2 && text[0] == '[')
        {
            text = text[1..^1];
        }

        Span<char> chars = stackalloc char[64];
        if (text.Length > chars.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            chars[i] = (char)text[i];
        }

        return IPAddress.TryParse(chars[..text.Length], out var parsed) && Normalize(parsed).Equals(source);
    }

    // A Via line may carry several via-parms; the top one ends at the first comma outside quotes.
    internal static int ElementEnd(ReadOnlySpan<byte> value)
    {
        var quoted = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == '\\' && quoted)
            {
                i++;
            }
            else if (c == ',' && !quoted)
            {
                return i;
            }
        }

        return value.Length;
    }

    private static string Rebuild(string element, IPAddress address, int port, bool addReceived)
    {
        var parts = SplitParameters(element);
        var sb = new StringBuilder(element.Length + 48);
        sb.Append(parts[0].TrimEnd());
        for (var i = 1; i < parts.Count; i++)
        {
            var part = parts[i].Trim();
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = (eq < 0 ? part : part[..eq]).Trim();
            if (name.Equals("received", StringComparison.OrdinalIgnoreCase) && addReceived)
            {
                continue;
            }

            sb.Append(';');
            if (name.Equals("rport", StringComparison.OrdinalIgnoreCase) && eq < 0)
            {
                sb.Append("rport=").Append(port.ToString(CultureInfo.InvariantCulture));
            }
            else
            {
                sb.Append(part);
            }
        }

        if (addReceived)
        {
            sb.Append(";received=").Append(address.ToString());
        }

        return sb.ToString();
    }

    private static List<string> SplitParameters(string element)
    {
        var parts = new List<string>();
        var quoted = false;
        var start = 0;
        for (var i = 0; i < element.Length; i++)
        {
            var c = element[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ';' && !quoted)
            {
                parts.Add(element[start..i]);
                start = i + 1;
            }
        }

        parts.Add(element[start..]);
        return parts;
    }
}
