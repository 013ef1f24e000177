namespace Gateway.Sdp;

/// <summary>One a= line: a property attribute (no value) or a value attribute.</summary>
/// <param name="Name">The attribute name, e.g. "rtpmap".</param>
/// <param name="Value">The text after the colon, or null for a property attribute.</param>
public sealed record SdpAttributeLine(string Name, string? Value = null)
{
    /// <inheritdoc/>
    public override string ToString() => Value is null ? Name : $"{Name}:{Value}";
}
