using System.Globalization;
using System.Text;

namespace Gateway.Sdp;

/// <summary>Writes a <see cref="SdpSessionDescription"/> as SDP text in the order RFC 8866 §5 requires.</summary>
public static class SdpSerializer
{
    /// <summary>The description as text with CRLF line ends.</summary>
    public static string Serialize(SdpSessionDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        var sb = new StringBuilder(512);
        Line(sb, 'v', "0");
        Line(sb, 'o', description.Origin.ToString());
        Line(sb, 's', description.SessionName.Length == 0 ? "-" : description.SessionName);
        if (description.Connection is { } c)
        {
            Line(sb, 'c', c.ToString());
        }

        foreach (var b in description.Bandwidths)
        {
            Line(sb, 'b', b);
        }

        Line(sb, 't', string.Create(CultureInfo.InvariantCulture, $"{description.Timing.Start} {description.Timing.Stop}"));
        foreach (var a in description.Attributes)
        {
            Line(sb, 'a', a.ToString());
        }

        foreach (var m in description.Media)
        {
            var port = m.PortCount is { } n ? string.Create(CultureInfo.InvariantCulture, $"{m.Port}/{n}") : m.Port.ToString(CultureInfo.InvariantCulture);
            Line(sb, 'm', $"{m.Media} {port} {m.Protocol} {string.Join(' ', m.Formats)}");
            if (m.Connection is { } mc)
            {
                Line(sb, 'c', mc.ToString());
            }

            foreach (var b in m.Bandwidths)
            {
                Line(sb, 'b', b);
            }

            foreach (var a in m.Attributes)
            {
                Line(sb, 'a', a.ToString());
            }
        }

        return sb.ToString();
    }

    /// <summary>The description as UTF-8 bytes, ready for a SIP body.</summary>
    public static byte[] SerializeToUtf8(SdpSessionDescription description) => Encoding.UTF8.GetBytes(Serialize(description));

    private static void Line(StringBuilder sb, char type, string value) => sb.Append(type).Append('=').Append(value).Append("\r\n");
}
