using System.Net;
using System.Net.Sockets;
using Gateway.Codecs.G711;
using Gateway.Media.Clock;
using Gateway.Media.Devices.Null;
using Gateway.Media.Streams;
using Gateway.Rtp;
using Gateway.Rtp.Jitter;

namespace Gateway.Media.Tests;

/// <summary>Steady state allocates nothing: measured per thread with GC.GetAllocatedBytesForCurrentThread.</summary>
public sealed class AllocationTests
{
    [Fact]
    public async Task MediaClock_SteadyState_ClockThreadAllocatesNothing()
    {
        var sink = new AllocationProbe();
        using (var clock = new MediaClock(5))
        {
            clock.Register(sink);
            clock.Start();
            await StreamPair.WaitUntil(() => sink.Done, 20_000);
        }

        Assert.Equal(0, sink.AllocatedBetweenTick20And80);
    }

    [Fact]
    public void StreamTickAndReceive_SteadyState_AllocateNothing()
    {
        using var drain = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        drain.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var remote = (IPEndPoint)drain.LocalEndPoint!;
        using var stream = new RtpAudioStream(
            new RtpAudioStreamOptions { LocalRtp = new IPEndPoint(IPAddress.Loopback, 0), RemoteRtp = remote, RemoteRtcp = remote, Codec = PcmuCodec.Instance, RtcpInterval = TimeSpan.FromMilliseconds(1) },
            new NullAudioDevice(new AudioFormat(8000, 160)));
        var receiver = new RtpAudioReceiver(PcmuCodec.Instance.CreateDecoder(), 0, 101, new JitterBufferOptions(MinimumDelayMs: 0), TimeProvider.System);
        var source = remote.Serialize();
        var packet = new byte[172];
        var pcm = new short[160];
        var payload = new byte[160];
        ushort sequence = 0;
        uint timestamp = 0;

        void Round()
        {
            stream.OnTick(0);
            var length = RtpPacketWriter.Write(packet, new RtpHeader(0, sequence++, timestamp, 7), payload);
            timestamp += 160;
            receiver.Receive(packet.AsSpan(0, length), source);
            receiver.Playout(pcm);
        }

        for (var i = 0; i < 200; i++)
        {
            Round();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 500; i++)
        {
            Round();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(stream.GetStatistics().RtcpSent > 0, "the RTCP path was not exercised");
    }

    private sealed class AllocationProbe : IMediaClockSink
    {
        private long _at20;

        public long AllocatedBetweenTick20And80 { get; private set; } = -1;

        public bool Done { get; private set; }

        public void OnTick(long tick)
        {
            if (tick == 20 || (_at20 == 0 && tick > 20))
            {
                _at20 = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (tick >= 80 && !Done)
            {
                AllocatedBetweenTick20And80 = GC.GetAllocatedBytesForCurrentThread() - _at20;
                Done = true;
            }
        }
    }
}
