using System.Globalization;

namespace Gateway.Sdp;

/// <summary>One m= section with its c= and a= lines, and typed reads of the attributes offer/answer uses.</summary>
public sealed class SdpMediaDescription
{
    /// <summary>Creates a section.</summary>
    public SdpMediaDescription(string media, int port, string protocol)
    {
        Media = media;
        Port = port;
        Protocol = protocol;
    }

    /// <summary>The media type, e.g. "audio".</summary>
    public string Media { get; set; }

    /// <summary>The transport port; 0 rejects or disables the stream.</summary>
    public int Port { get; set; }

    /// <summary>The port count after a slash, or null.</summary>
    public int? PortCount { get; set; }

    /// <summary>The transport protocol, e.g. "RTP/AVP".</summary>
    public string Protocol { get; set; }

    /// <summary>The formats (payload types for RTP) in preference order.</summary>
    public IList<string> Formats { get; } = new List<string>();

    /// <summary>The media-level c= line, or null to use the session's.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>b= lines, kept as written.</summary>
    public IList<string> Bandwidths { get; } = new List<string>();

    /// <summary>The a= lines in order.</summary>
    public IList<SdpAttributeLine> Attributes { get; } = new List<SdpAttributeLine>();

    /// <summary>Whether the protocol carries RTP with payload type formats (RTP/AVP and its profiles).</summary>
    public bool IsRtp => Protocol.StartsWith("RTP/", StringComparison.OrdinalIgnoreCase);

    /// <summary>The direction attribute of this section, or null when it has none.</summary>
    public SdpDirection? Direction
    {
        get
        {
            foreach (var a in Attributes)
            {
                if (a.Value is null && SdpDirections.TryParse(a.Name, out var d))
                {
                    return d;
                }
            }

            return null;
        }
    }

    /// <summary>The a=ptime value in milliseconds, or null.</summary>
    public int? Ptime => IntAttribute("ptime");

    /// <summary>The a=maxptime value in milliseconds, or null.</summary>
    public int? MaxPtime => IntAttribute("maxptime");

    /// <summary>
    /// The mapping of one format: its rtpmap, or the RFC 3551 static mapping when there is none.
    /// Null for an unknown dynamic type. A malformed rtpmap was already rejected by the parser.
    /// </summary>
    public SdpRtpMap? GetRtpMap(int payloadType)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == "rtpmap" && a.Value is not null && SdpAttributeValues.TryParseRtpMap(a.Value, out var map) && map.PayloadType == payloadType)
            {
                return map;
            }
        }

        return SdpRtpMap.ForStaticPayloadType(payloadType);
    }

    /// <summary>The a=fmtp parameters of one payload type, or null.</summary>
    public string? GetFmtp(int payloadType)
    {
        var prefix = payloadType.ToString(CultureInfo.InvariantCulture) + " ";
        foreach (var a in Attributes)
        {
            if (a.Name == "fmtp" && a.Value is not null && a.Value.StartsWith(prefix, StringComparison.Ordinal))
            {
                return a.Value[prefix.Length..].Trim();
            }
        }

        return null;
    }

    /// <summary>The RTP payload types of <see cref="Formats"/> that are numbers 0–127.</summary>
    public IEnumerable<int> PayloadTypes()
    {
        foreach (var f in Formats)
        {
            if (int.TryParse(f, NumberStyles.None, CultureInfo.InvariantCulture, out var pt) && pt <= 127)
            {
                yield return pt;
            }
        }
    }

    private int? IntAttribute(string name)
    {
        foreach (var a in Attributes)
        {
            if (a.Name == name && int.TryParse(a.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            {
                return v;
            }
        }

        return null;
    }
}
