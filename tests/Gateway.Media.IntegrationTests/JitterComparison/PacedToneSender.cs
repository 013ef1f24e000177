using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Gateway.Codecs.G711;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// Sends <see cref="MarkedTone"/> as PCMU RTP, one packet every 20 ms on absolute deadlines, from its own thread.
/// A test-side sender rather than a phone so the marker's packet and timestamp are known exactly and one stream
/// feeds every receiver.
/// </summary>
internal static class PacedToneSender
{
    public static Task SendAsync(IPEndPoint to, int frames, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var thread = new Thread(() =>
        {
            try
            {
                Run(to, frames, cancellationToken);
                done.SetResult();
            }
            catch (Exception ex)
            {
                done.SetException(ex);
            }
        })
        { IsBackground = true, Name = "tone-sender", Priority = ThreadPriority.Highest };
        thread.Start();
        return done.Task;
    }

    private static void Run(IPEndPoint to, int frames, CancellationToken cancellationToken)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var packet = new byte[12 + MarkedTone.FrameSamples];
        var pcm = new short[MarkedTone.FrameSamples];
        const ushort firstSequence = 4000;
        const uint firstTimestamp = 123_456;
        const uint ssrc = 0x5eed_0001;
        var start = Stopwatch.GetTimestamp();
        for (var i = 0; i < frames && !cancellationToken.IsCancellationRequested; i++)
        {
            var due = start + (long)(i * MarkedTone.FrameMs * Stopwatch.Frequency / 1000);
            while (Stopwatch.GetTimestamp() < due)
            {
                Thread.Sleep(1);
            }

            packet[0] = 0x80;
            packet[1] = (byte)(i == 0 ? 0x80 : 0x00); // PCMU, marker on the first packet only
            BinaryPrimitives.WriteUInt16BigEndian(packet.AsSpan(2), (ushort)(firstSequence + i));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(4), firstTimestamp + (uint)(i * MarkedTone.FrameSamples));
            BinaryPrimitives.WriteUInt32BigEndian(packet.AsSpan(8), ssrc);
            MarkedTone.Frame(i, pcm);
            MuLaw.Encode(pcm, packet.AsSpan(12));
            _ = socket.SendTo(packet, to);
        }
    }
}
