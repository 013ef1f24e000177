namespace Gateway.Sdp;

/// <summary>A whole session description (RFC 8866): session-level lines and the m= sections.</summary>
public sealed class SdpSessionDescription
{
    /// <summary>Creates a description with its origin and session name.</summary>
    public SdpSessionDescription(SdpOrigin origin, string sessionName = "-")
    {
        Origin = origin;
        SessionName = sessionName;
    }

    /// <summary>The o= line.</summary>
    public SdpOrigin Origin { get; set; }

    /// <summary>The s= line.</summary>
    public string SessionName { get; set; }

    /// <summary>The session-level c= line, or null.</summary>
    public SdpConnection? Connection { get; set; }

    /// <summary>The t= start and stop times; "0 0" for an unbounded session.</summary>
    public (ulong Start, ulong Stop) Timing { get; set; }

    /// <summary>Session-level b= lines, kept as written.</summary>
    public IList<string> Bandwidths { get; } = new List<string>();

    /// <summary>Session-level a= lines.</summary>
    public IList<SdpAttributeLine> Attributes { get; } = new List<SdpAttributeLine>();

    /// <summary>The m= sections in order.</summary>
    public IList<SdpMediaDescription> Media { get; } = new List<SdpMediaDescription>();

    /// <summary>The session-level direction attribute, or null.</summary>
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

    /// <summary>The connection that applies to a section: its own c=, else the session's.</summary>
    public SdpConnection? ConnectionOf(SdpMediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Connection ?? Connection;
    }

    /// <summary>The direction that applies to a section: its own, else the session's, else sendrecv.</summary>
    public SdpDirection DirectionOf(SdpMediaDescription media)
    {
        ArgumentNullException.ThrowIfNull(media);
        return media.Direction ?? Direction ?? SdpDirection.SendRecv;
    }

    /// <summary>The description as SDP text with CRLF line ends.</summary>
    public override string ToString() => SdpSerializer.Serialize(this);
}
