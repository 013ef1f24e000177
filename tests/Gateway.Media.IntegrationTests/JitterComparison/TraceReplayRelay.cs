using System.Buffers.Binary;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Media.IntegrationTests.JitterComparison;

/// <summary>
/// A UDP relay on 127.0.0.1 that replays an <see cref="ImpairmentTrace"/> and fans the result out to several
/// receivers: each RTP datagram arriving at <see cref="Input"/> is looked up in the trace by its sequence number
/// (relative to the first one seen), dropped or held for the trace's delay, then sent to every leg at the same
/// instant from that leg's own socket (the address the leg's receiver was told is its peer). So every receiver gets
/// identical loss, delay and reordering. The time each packet left for each leg is kept: it is the packet's arrival
/// at that receiver's socket, loopback adding microseconds.
/// </summary>
internal sealed class TraceReplayRelay : IDisposable
{
    private readonly Socket _input = Bind();
    private readonly Socket[] _legs;
    private readonly IPEndPoint?[] _destinations;
    private readonly long[][] _sentAt;
    private readonly ImpairmentTrace _trace;
    private readonly PriorityQueue<(int Index, byte[] Datagram), long> _pending = new();
    private readonly Lock _lock = new();
    private readonly Thread _receiver;
    private readonly Thread _sender;
    private volatile bool _stopping;
    private int? _firstSequence;

    public TraceReplayRelay(ImpairmentTrace trace, int legs)
    {
        _trace = trace;
        _legs = [.. Enumerable.Range(0, legs).Select(_ => Bind())];
        _destinations = new IPEndPoint?[legs];
        _sentAt = [.. Enumerable.Range(0, legs).Select(_ => new long[trace.Length])];
        _receiver = new Thread(Receive) { IsBackground = true, Name = "trace-relay-receive" };
        _sender = new Thread(Send) { IsBackground = true, Name = "trace-relay-send", Priority = ThreadPriority.Highest };
        _receiver.Start();
        _sender.Start();
    }

    /// <summary>Where the sender sends its RTP.</summary>
    public IPEndPoint Input => (IPEndPoint)_input.LocalEndPoint!;

    public long Dropped { get; private set; }

    public long Forwarded { get; private set; }

    /// <summary>Datagrams that were not RTP or fell outside the trace; dropped.</summary>
    public long Ignored { get; private set; }

    /// <summary>The address leg <paramref name="leg"/> sends from: its receiver's remote RTP address.</summary>
    public IPEndPoint LegAddress(int leg) => (IPEndPoint)_legs[leg].LocalEndPoint!;

    public void SetDestination(int leg, IPEndPoint receiver) => _destinations[leg] = receiver;

    /// <summary>Stopwatch time packet <paramref name="index"/> left for leg <paramref name="leg"/>; 0 if it never did.</summary>
    public long SentAt(int leg, int index) => index < _trace.Length ? Volatile.Read(ref _sentAt[leg][index]) : 0;

    public void Dispose()
    {
        _stopping = true;
        _input.Dispose();
        foreach (var leg in _legs)
        {
            leg.Dispose();
        }

        _receiver.Join(TimeSpan.FromSeconds(2));
        _sender.Join(TimeSpan.FromSeconds(2));
    }

    private static Socket Bind()
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return socket;
    }

    private void Receive()
    {
        var buffer = new byte[2048];
        EndPoint source = new IPEndPoint(IPAddress.Any, 0);
        while (!_stopping)
        {
            int n;
            try
            {
                n = _input.ReceiveFrom(buffer, ref source);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            var arrived = Stopwatch.GetTimestamp();
            if (n < 12 || (buffer[0] >> 6) != 2)
            {
                Ignored++;
                continue;
            }

            var sequence = BinaryPrimitives.ReadUInt16BigEndian(buffer.AsSpan(2));
            _firstSequence ??= sequence;
            var index = (ushort)(sequence - _firstSequence.Value);
            if (index >= _trace.Length)
            {
                Ignored++;
                continue;
            }

            if (_trace.IsDropped(index))
            {
                Dropped++;
                continue;
            }

            lock (_lock)
            {
                _pending.Enqueue((index, buffer.AsSpan(0, n).ToArray()), arrived + (long)(_trace.DelayMs(index) * Stopwatch.Frequency / 1000));
            }
        }
    }

    private void Send()
    {
        while (!_stopping)
        {
            (int Index, byte[] Datagram) due = default;
            lock (_lock)
            {
                if (_pending.TryPeek(out _, out var at) && at <= Stopwatch.GetTimestamp())
                {
                    due = _pending.Dequeue();
                }
            }

            if (due.Datagram is null)
            {
                Thread.Sleep(1);
                continue;
            }

            for (var leg = 0; leg < _legs.Length; leg++)
            {
                if (_destinations[leg] is not { } to)
                {
                    continue;
                }

                try
                {
                    _ = _legs[leg].SendTo(due.Datagram, to);
                    Volatile.Write(ref _sentAt[leg][due.Index], Stopwatch.GetTimestamp());
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    // An unreachable receiver loses the datagram, as on a real network.
                }
            }

            Forwarded++;
        }
    }
}
