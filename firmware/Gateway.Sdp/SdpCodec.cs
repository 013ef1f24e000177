namespace Gateway.Sdp;

/// <summary>
/// A codec this side can use, as offer/answer sees it: what goes into rtpmap and fmtp. The list of these, in order,
/// is the local preference (the card's preferences first, then the board's defaults).
/// </summary>
/// <param name="EncodingName">rtpmap encoding name, e.g. "PCMA", "opus".</param>
/// <param name="ClockRate">rtpmap clock rate.</param>
/// <param name="PayloadType">Payload type used in our offers (static, or our choice of dynamic).</param>
/// <param name="Channels">rtpmap channels, or null for none written (1).</param>
/// <param name="Fmtp">fmtp parameters we send with it, or null.</param>
public sealed record SdpCodec(string EncodingName, int ClockRate, int PayloadType, int? Channels = null, string? Fmtp = null)
{
    /// <summary>The rtpmap of this codec under a given payload type.</summary>
    public SdpRtpMap ToRtpMap(int payloadType) => new(payloadType, EncodingName, ClockRate, Channels);
}
