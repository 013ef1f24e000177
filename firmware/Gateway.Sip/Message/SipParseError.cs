namespace Gateway.Sip.Message;

/// <summary>
/// A parse failure: what went wrong and at which byte offset of the message, so tools can
/// report line and column without the parser ever building a string on the hot path.
/// </summary>
/// <param name="Code">The kind of failure.</param>
/// <param name="Offset">Offset in bytes from the start of the input where the failure was found.</param>
/// <param name="Detail">A short human-readable explanation.</param>
public readonly record struct SipParseError(SipParseErrorCode Code, long Offset, string Detail)
{
    /// <summary>Maps <see cref="Offset"/> to a 1-based line and column inside <paramref name="input"/>.</summary>
    /// <param name="input">The bytes the offset refers to.</param>
    /// <returns>Line and column, both 1-based; the column counts bytes.</returns>
    public (int Line, int Column) GetLineColumn(ReadOnlySpan<byte> input)
    {
        var end = (int)Math.Clamp(Offset, 0, input.Length);
        var before = input[..end];
        var line = before.Count((byte)'\n') + 1;
        var lastLf = before.LastIndexOf((byte)'\n');
        return (line, end - lastLf);
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Code} at offset {Offset}: {Detail}";
}
