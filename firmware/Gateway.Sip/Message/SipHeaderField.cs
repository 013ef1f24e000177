namespace Gateway.Sip.Message;

/// <summary>One header field line of a parsed message, as slices of the message buffer.</summary>
/// <param name="Id">The resolved header, or <see cref="SipHeaderId.Unknown"/>.</param>
/// <param name="Name">The field name as written (compact or long form, original case).</param>
/// <param name="Value">The trimmed value; continuation lines appear as white space.</param>
/// <param name="ValueOffset">Offset of the value in the message, for error positions.</param>
public readonly record struct SipHeaderField(SipHeaderId Id, SipText Name, SipText Value, int ValueOffset);
