using BenchmarkDotNet.Attributes;
using Gateway.Codecs;
using Gateway.Codecs.G711;
using Gateway.Codecs.G722;
using Gateway.Codecs.Opus;
using Gateway.Rtp;
using Gateway.Rtp.Jitter;

namespace Gateway.Benchmarks;

/// <summary>
/// The per-packet media path: validating and reading one 20 ms G.711 RTP packet, writing one, and coding one
/// 20 ms frame (160 samples G.711, 320 samples G.722, Opus NB/WB), resampling 20 ms 8→48 kHz, and one jitter-buffer
/// put+get. Each must allocate nothing.
/// </summary>
[MemoryDiagnoser]
public class MediaBenchmarks
{
    private readonly byte[] _packet = new byte[172];
    private readonly byte[] _out = new byte[1500];
    private readonly short[] _pcm8k = new short[160];
    private readonly short[] _pcm16k = new short[320];
    private readonly byte[] _payload = new byte[160];
    private readonly G722Encoder _g722 = new();
    private readonly G722Decoder _g722Decoder = new();
    private readonly IAudioEncoder _opusNb = new OpusCodec(8000).CreateEncoder();
    private readonly IAudioEncoder _opusWb = new OpusCodec(16000).CreateEncoder();
    private readonly Resampler _upsampler = new(8000, 48000);
    private readonly short[] _pcm48k = new short[961];
    private readonly AdaptiveJitterBuffer _jitter = new(new JitterBufferOptions(MinimumDelayMs: 0));
    private ushort _sequence;

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(1);
        for (var i = 0; i < _pcm8k.Length; i++)
        {
            _pcm8k[i] = (short)(8000 * Math.Sin(i * 0.3));
        }

        for (var i = 0; i < _pcm16k.Length; i++)
        {
            _pcm16k[i] = (short)(8000 * Math.Sin(i * 0.15));
        }

        rng.NextBytes(_payload);
        RtpPacketWriter.Write(_packet, new RtpHeader(0, 1, 160, 0x1234), _payload);
    }

    [Benchmark]
    public int RtpParse()
    {
        _ = RtpPacket.TryParse(_packet, out var packet, out _);
        return packet.Payload.Length + packet.Header.SequenceNumber;
    }

    [Benchmark]
    public int RtpWrite() => RtpPacketWriter.Write(_out, new RtpHeader(0, 2, 320, 0x1234), _payload);

    [Benchmark]
    public byte PcmuEncode20ms()
    {
        MuLaw.Encode(_pcm8k, _out);
        return _out[0];
    }

    [Benchmark]
    public short PcmuDecode20ms()
    {
        MuLaw.Decode(_payload, _pcm8k);
        return _pcm8k[0];
    }

    [Benchmark]
    public byte PcmaEncode20ms()
    {
        ALaw.Encode(_pcm8k, _out);
        return _out[0];
    }

    [Benchmark]
    public short PcmaDecode20ms()
    {
        ALaw.Decode(_payload, _pcm8k);
        return _pcm8k[0];
    }

    [Benchmark]
    public int G722Encode20ms() => _g722.Encode(_pcm16k, _out);

    [Benchmark]
    public int G722Decode20ms() => _g722Decoder.Decode(_payload, _pcm16k);

    [Benchmark]
    public int OpusNarrowbandEncode20ms() => _opusNb.Encode(_pcm8k, _out);

    [Benchmark]
    public int OpusWidebandEncode20ms() => _opusWb.Encode(_pcm16k, _out);

    [Benchmark]
    public int Resample8To48kHz20ms() => _upsampler.Process(_pcm8k, _pcm48k);

    [Benchmark]
    public JitterBufferResult JitterBufferPutGet()
    {
        var seq = _sequence++;
        _jitter.Put(new RtpHeader(0, seq, seq * 160u, 1), _payload);
        return _jitter.Get(_out, out _);
    }
}
