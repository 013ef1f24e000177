namespace Gateway.Sip.Message;

/// <summary>
/// Limits that bound what one message may cost. Exceeding any of them is a defined parse error,
/// never an unbounded allocation.
/// </summary>
public sealed class SipParserOptions
{
    /// <summary>The defaults: 64 KiB messages, 256 headers, 8 KiB header lines.</summary>
    public static SipParserOptions Default { get; } = new();

    /// <summary>Largest accepted message, start line to end of body, in bytes.</summary>
    public int MaxMessageSize { get; init; } = 65535;

    /// <summary>Largest number of header fields (lines, not comma-separated values).</summary>
    public int MaxHeaderCount { get; init; } = 256;

    /// <summary>Longest start line or header field (including continuation lines), in bytes.</summary>
    public int MaxLineLength { get; init; } = 8192;
}
