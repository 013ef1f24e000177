namespace Gateway.Sip.Dialogs;

/// <summary>An opaque message body with its media type (SDP is interpreted by a later layer).</summary>
/// <param name="Content">The bytes.</param>
/// <param name="ContentType">The media type, e.g. "application/sdp".</param>
public sealed record SipBodyContent(ReadOnlyMemory<byte> Content, string ContentType);
