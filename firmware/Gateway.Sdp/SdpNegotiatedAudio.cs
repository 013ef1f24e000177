namespace Gateway.Sdp;

/// <summary>
/// The outcome of offer/answer for the audio stream: what to send and where, and which way media flows.
/// Payload types are the ones to put in our RTP (the offerer's numbering, as RFC 3264 §6.1 recommends).
/// </summary>
/// <param name="MediaIndex">Index of the m= line.</param>
/// <param name="Codec">The codec to send (first in preference), with its payload type.</param>
/// <param name="CodecFmtp">The peer's fmtp for that codec, or null.</param>
/// <param name="AlternativeCodecs">Other codecs both sides accept, in our preference order, which the peer may switch to.</param>
/// <param name="TelephoneEvent">The telephone-event mapping to send DTMF with, or null when the peer has none.</param>
/// <param name="RemoteAddress">Where to send RTP, or null when the peer uses the 0.0.0.0 hold address.</param>
/// <param name="RemotePort">The peer's RTP port.</param>
/// <param name="Direction">Our direction: whether we send and whether we receive.</param>
/// <param name="RemotePtime">The peer's a=ptime, or null.</param>
public sealed record SdpNegotiatedAudio(
    int MediaIndex,
    SdpRtpMap Codec,
    string? CodecFmtp,
    IReadOnlyList<SdpRtpMap> AlternativeCodecs,
    SdpRtpMap? TelephoneEvent,
    string? RemoteAddress,
    int RemotePort,
    SdpDirection Direction,
    int? RemotePtime);
