using Gateway.Codecs;

namespace Gateway.Media.Sessions;

/// <summary>
/// Runs a codec's encoder, decoder and concealment a few frames on the calling (control) thread before its stream
/// joins the clock: the first Concentus Opus frames are JIT-compiled, and on the shared 2-core machine that stalled
/// the media clock for over a second (97 skipped ticks) when it happened on the clock thread.
/// </summary>
internal static class CodecWarmUp
{
    private const int Frames = 3;

    public static void Run(IAudioCodec codec)
    {
        var info = codec.Info;
        var encoder = codec.CreateEncoder();
        var decoder = codec.CreateDecoder();
        var pcm = new short[info.FrameSamples];
        var payload = new byte[encoder.MaxPayloadBytes];
        for (var frame = 0; frame < Frames; frame++)
        {
            for (var i = 0; i < pcm.Length; i++)
            {
                // A quiet 1 kHz tone, so the encoder takes its voiced paths rather than a silence shortcut.
                pcm[i] = (short)(1000 * Math.Sin(2 * Math.PI * 1000 * ((frame * pcm.Length) + i) / info.SampleRate));
            }

            var length = encoder.Encode(pcm, payload);
            _ = decoder.Decode(payload.AsSpan(0, length), pcm);
        }

        _ = decoder.Conceal(pcm);
    }
}
