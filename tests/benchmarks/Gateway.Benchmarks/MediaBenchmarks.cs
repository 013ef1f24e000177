using BenchmarkDotNet.Attributes;
using Gateway.Codecs.G711;
using Gateway.Codecs.G722;
using Gateway.Rtp;

namespace Gateway.Benchmarks;

/// <summary>
/// The per-packet media path: validating and reading one 20 ms G.711 RTP packet, writing one, and coding one
/// 20 ms frame (160 samples G.711, 320 samples G.722). Each must allocate nothing.
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
}
