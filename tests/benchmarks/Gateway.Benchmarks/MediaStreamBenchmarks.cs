using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Gateway.Codecs.G711;
using Gateway.Media;
using Gateway.Media.Devices.Null;
using Gateway.Media.Devices.Wav;
using Gateway.Media.Streams;
using Gateway.Rtp;
using Gateway.Rtp.Jitter;

namespace Gateway.Benchmarks;

/// <summary>
/// The media engine's steady state per 20 ms G.711 frame: capture (looping WAV) → encode → RTP packetize → UDP send
/// on loopback; RTP datagram → parse/latch/jitter buffer → decode (+ G.711 concealment pipeline) → playout; and a
/// whole <see cref="RtpAudioStream.OnTick"/>. Goal: 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class MediaStreamBenchmarks : IDisposable
{
    private readonly short[] _pcm = new short[160];
    private readonly byte[] _packet = new byte[256];
    private readonly byte[] _payload = new byte[160];
    private string _dir = "";
    private WavAudioDevice? _source;
    private NullAudioDevice _playout = new(new AudioFormat(8000, 160));
    private RtpAudioSender _sender = new(PcmuCodec.Instance.CreateEncoder(), 0);
    private RtpAudioReceiver? _receiver;
    private Socket? _sendSocket;
    private Socket? _drain;
    private SocketAddress? _destination;
    private SocketAddress? _source4;
    private RtpAudioStream? _stream;
    private ushort _sequence;
    private uint _timestamp;

    [GlobalSetup]
    public void Setup()
    {
        _dir = Directory.CreateTempSubdirectory("media-bench-").FullName;
        var wav = Path.Combine(_dir, "tone.wav");
        using (var sink = new WavFileSink(wav, 8000))
        {
            var tone = new short[8000];
            for (var i = 0; i < tone.Length; i++)
            {
                tone[i] = (short)(8000 * Math.Sin(2 * Math.PI * 1000 * i / 8000));
            }

            sink.Write(tone);
        }

        _source = new WavAudioDevice(new AudioFormat(8000, 160), wav, null);
        _drain = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _drain.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _sendSocket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        _sendSocket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _destination = _drain.LocalEndPoint!.Serialize();
        _source4 = _sendSocket.LocalEndPoint!.Serialize();
        _receiver = new RtpAudioReceiver(PcmuCodec.Instance.CreateDecoder(), 0, 101, new JitterBufferOptions(MinimumDelayMs: 0), TimeProvider.System);
        new Random(1).NextBytes(_payload);

        var drainEndpoint = (IPEndPoint)_drain.LocalEndPoint!;
        _stream = new RtpAudioStream(
            new RtpAudioStreamOptions { LocalRtp = new IPEndPoint(IPAddress.Loopback, 0), RemoteRtp = drainEndpoint, RemoteRtcp = drainEndpoint, Codec = PcmuCodec.Instance },
            new NullAudioDevice(new AudioFormat(8000, 160)));
        _stream.Start();
    }

    [Benchmark]
    public int CaptureEncodeSend()
    {
        _ = _source!.Capture(_pcm);
        var length = _sender.WriteAudio(_pcm, _packet);
        _sender.EndFrame(sent: true);
        return _sendSocket!.SendTo(_packet.AsSpan(0, length), SocketFlags.None, _destination!);
    }

    [Benchmark]
    public int ReceiveDecodePlayout()
    {
        var length = RtpPacketWriter.Write(_packet, new RtpHeader(0, _sequence++, _timestamp, 0x1234), _payload);
        _timestamp += 160;
        _receiver!.Receive(_packet.AsSpan(0, length), _source4!);
        _receiver.Playout(_pcm);
        _playout.Playout(_pcm);
        return _pcm[0];
    }

    [Benchmark]
    public void StreamTick() => _stream!.OnTick(0);

    [GlobalCleanup]
    public void Dispose()
    {
        _stream?.Dispose();
        _source?.Dispose();
        _playout.Dispose();
        _sendSocket?.Dispose();
        _drain?.Dispose();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
