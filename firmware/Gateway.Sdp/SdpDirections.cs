namespace Gateway.Sdp;

/// <summary>Operations on <see cref="SdpDirection"/>: names, the mirror an answer takes (RFC 3264 §6.1), and combining.</summary>
public static class SdpDirections
{
    /// <summary>The attribute name.</summary>
    public static string ToAttributeName(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => "sendonly",
        SdpDirection.RecvOnly => "recvonly",
        SdpDirection.Inactive => "inactive",
        _ => "sendrecv",
    };

    /// <summary>Parses an attribute name; false if it is not a direction.</summary>
    public static bool TryParse(string name, out SdpDirection direction)
    {
        direction = name switch
        {
            "sendrecv" => SdpDirection.SendRecv,
            "sendonly" => SdpDirection.SendOnly,
            "recvonly" => SdpDirection.RecvOnly,
            "inactive" => SdpDirection.Inactive,
            _ => (SdpDirection)(-1),
        };
        return (int)direction >= 0;
    }

    /// <summary>The direction seen from the other side: sendonly ↔ recvonly.</summary>
    public static SdpDirection Reverse(this SdpDirection direction) => direction switch
    {
        SdpDirection.SendOnly => SdpDirection.RecvOnly,
        SdpDirection.RecvOnly => SdpDirection.SendOnly,
        _ => direction,
    };

    /// <summary>Whether the author sends media.</summary>
    public static bool Sends(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.SendOnly;

    /// <summary>Whether the author receives media.</summary>
    public static bool Receives(this SdpDirection direction) => direction is SdpDirection.SendRecv or SdpDirection.RecvOnly;

    /// <summary>The direction that allows only what both allow.</summary>
    public static SdpDirection Intersect(this SdpDirection a, SdpDirection b)
        => From(a.Sends() && b.Sends(), a.Receives() && b.Receives());

    /// <summary>The direction with the given send and receive abilities.</summary>
    public static SdpDirection From(bool sends, bool receives) => (sends, receives) switch
    {
        (true, true) => SdpDirection.SendRecv,
        (true, false) => SdpDirection.SendOnly,
        (false, true) => SdpDirection.RecvOnly,
        _ => SdpDirection.Inactive,
    };
}
