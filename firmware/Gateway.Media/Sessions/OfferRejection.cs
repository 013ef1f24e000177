using Gateway.Sdp;

namespace Gateway.Media.Sessions;

/// <summary>Says why an offer had no acceptable audio stream, for the log and the 488's reason phrase.</summary>
internal static class OfferRejection
{
    public static string Explain(SdpSessionDescription offer, IReadOnlyList<SdpCodec> ours)
    {
        var audio = offer.Media.Where(m => string.Equals(m.Media, "audio", StringComparison.OrdinalIgnoreCase)).ToList();
        if (audio.Count == 0)
        {
            return "no audio stream offered";
        }

        if (audio.TrueForAll(m => m.Port == 0))
        {
            return "the audio stream is disabled (port 0)";
        }

        var live = audio.Where(m => m.Port != 0).ToList();
        if (live.TrueForAll(m => m.Protocol != "RTP/AVP"))
        {
            return $"unsupported transport {live[0].Protocol} (only RTP/AVP)";
        }

        if (live.TrueForAll(m => offer.ConnectionOf(m) is null))
        {
            return "no c= line for the audio stream";
        }

        var offered = string.Join(' ', live[0].PayloadTypes().Select(pt => live[0].GetRtpMap(pt)?.EncodingName ?? pt.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return $"no common codec (offered {offered}; ours {string.Join(' ', ours.Select(c => c.EncodingName))})";
    }
}
