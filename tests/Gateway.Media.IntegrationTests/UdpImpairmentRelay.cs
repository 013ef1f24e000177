using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Gateway.Media.IntegrationTests;

/// <summary>
/// A UDP relay on 127.0.0.1 between a far end and us: datagrams from anyone but <see cref="Near"/> are impaired
/// (seeded loss, delay, jitter, hence reordering) and forwarded to <see cref="Near"/>; datagrams from
/// <see cref="Near"/> go to the last far-end source unimpaired. One socket for both, so symmetric RTP latches on it.
/// </summary>
internal sealed class UdpImpairmentRelay : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Impairment _impairment;
    private readonly Random _random;
    private readonly PriorityQueue<byte[], long> _pending = new();
    private readonly Lock _lock = new();
    private readonly Thread _receiver;
    private readonly Thread _sender;
    private readonly IPEndPoint _near;
    private volatile bool _stopping;
    private EndPoint? _far;

    public UdpImpairmentRelay(IPEndPoint near, Impairment impairment)
    {
        _near = near;
        _impairment = impairment;
        _random = new Random(impairment.Seed);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _receiver = new Thread(Receive) { IsBackground = true, Name = "relay-receive" };
        _sender = new Thread(Send) { IsBackground = true, Name = "relay-send" };
        _receiver.Start();
        _sender.Start();
    }

    public IPEndPoint Local => (IPEndPoint)_socket.LocalEndPoint!;

    public IPEndPoint Near => _near;

    public long Forwarded { get; private set; }

    public long Dropped { get; private set; }

    public void Dispose()
    {
        _stopping = true;
        _socket.Dispose();
        _receiver.Join(TimeSpan.FromSeconds(2));
        _sender.Join(TimeSpan.FromSeconds(2));
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
                n = _socket.ReceiveFrom(buffer, ref source);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionReset)
            {
                continue;
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            var datagram = buffer.AsSpan(0, n).ToArray();
            if (source.Equals(_near))
            {
                if (_far is { } far)
                {
                    TrySend(datagram, far);
                }

                continue;
            }

            _far = source;
            lock (_lock)
            {
                if (_random.NextDouble() < _impairment.Loss)
                {
                    Dropped++;
                    continue;
                }

                var delayMs = _impairment.DelayMs + (_random.NextDouble() * _impairment.JitterMs);
                _pending.Enqueue(datagram, Stopwatch.GetTimestamp() + (long)(delayMs * Stopwatch.Frequency / 1000));
            }
        }
    }

    private void Send()
    {
        while (!_stopping)
        {
            byte[]? due = null;
            lock (_lock)
            {
                if (_pending.TryPeek(out var datagram, out var at) && at <= Stopwatch.GetTimestamp())
                {
                    due = _pending.Dequeue();
                    _ = datagram;
                }
            }

            if (due is null)
            {
                Thread.Sleep(1);
                continue;
            }

            TrySend(due, _near);
            Forwarded++;
        }
    }

    private void TrySend(byte[] datagram, EndPoint to)
    {
        try
        {
            _ = _socket.SendTo(datagram, to);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // A closed relay or an unreachable port: the datagram is lost, as on a real network.
        }
    }
}
