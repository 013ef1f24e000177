using System.Text;
using CsCheck;

namespace Gateway.Sdp.Tests;

public class SdpParserPropertyTests
{
    private static void OnlyParseErrors(byte[] bytes)
    {
        try
        {
            var sdp = SdpParser.Parse(bytes);
            foreach (var m in sdp.Media)
            {
                foreach (var pt in m.PayloadTypes())
                {
                    _ = m.GetRtpMap(pt);
                    _ = m.GetFmtp(pt);
                }

                _ = m.Ptime;
                _ = sdp.DirectionOf(m);
            }

            _ = SdpSerializer.Serialize(sdp);
        }
        catch (SdpParseException)
        {
        }
    }

    [Fact]
    public void Parse_RandomBytes_ThrowsOnlyParseErrors() => Gen.Byte.Array[0, 600].Sample(OnlyParseErrors, iter: 5000);

    [Fact]
    public void Parse_MutatedOffer_ThrowsOnlyParseErrors()
    {
        var seed = Encoding.ASCII.GetBytes(SampleSdp.Offer);
        var alphabet = Encoding.ASCII.GetBytes("v=osctmai0123456789 /:\r\n-IPN4RTAV");
        Gen.Select(Gen.Int[0, seed.Length - 1], Gen.Int[0, alphabet.Length - 1], Gen.Int[0, 2]).Array[1, 10].Sample(edits =>
        {
            var b = new List<byte>(seed);
            foreach (var (at, ch, op) in edits)
            {
                var i = Math.Min(at, b.Count - 1);
                if (i < 0)
                {
                    break;
                }

                switch (op)
                {
                    case 0: b[i] = alphabet[ch]; break;
                    case 1: b.Insert(i, alphabet[ch]); break;
                    default: b.RemoveAt(i); break;
                }
            }

            OnlyParseErrors([.. b]);
        }, iter: 10000);
    }

    [Fact]
    public void SerializeParse_RoundTripsGeneratedDescriptions()
    {
        var gen = Gen.Select(Gen.UInt, Gen.Int[1, 65535], Gen.Int[0, 127].Array[1, 8], Gen.Int[0, 3]);
        gen.Sample((version, port, pts, dir) =>
        {
            var sdp = new SdpSessionDescription(new SdpOrigin("-", "42", version, "IP4", "127.0.0.1")) { Connection = new SdpConnection("IP4", "127.0.0.1") };
            var m = new SdpMediaDescription("audio", port, "RTP/AVP");
            foreach (var pt in pts)
            {
                m.Formats.Add(pt.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            m.Attributes.Add(new SdpAttributeLine(((SdpDirection)dir).ToAttributeName()));
            sdp.Media.Add(m);
            var text = sdp.ToString();
            Assert.Equal(text, SdpParser.Parse(text).ToString());
        });
    }
}
