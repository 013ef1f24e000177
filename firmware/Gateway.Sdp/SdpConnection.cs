namespace Gateway.Sdp;

/// <summary>A c= line (RFC 8866 §5.7). Only IN is meaningful; a TTL or address count suffix is dropped.</summary>
/// <param name="AddressType">"IP4" or "IP6".</param>
/// <param name="Address">The unicast address or host name.</param>
public sealed record SdpConnection(string AddressType, string Address)
{
    /// <summary>Whether this is the RFC 2543 hold address 0.0.0.0 (old peers put a call on hold this way).</summary>
    public bool IsHoldAddress => Address is "0.0.0.0" or "::";

    /// <inheritdoc/>
    public override string ToString() => $"IN {AddressType} {Address}";
}
