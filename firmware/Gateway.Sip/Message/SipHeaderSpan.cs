namespace Gateway.Sip.Message;

/// <summary>Where one header field line sits inside a buffer.</summary>
/// <param name="Id">The resolved header.</param>
/// <param name="NameStart">Offset of the field name.</param>
/// <param name="NameLength">Length of the field name.</param>
/// <param name="ValueStart">Offset of the trimmed value.</param>
/// <param name="ValueLength">Length of the trimmed value.</param>
/// <param name="Folded">True when the value still contains the CRLF of a continuation line.</param>
internal readonly record struct SipHeaderSpan(SipHeaderId Id, int NameStart, int NameLength, int ValueStart, int ValueLength, bool Folded);
