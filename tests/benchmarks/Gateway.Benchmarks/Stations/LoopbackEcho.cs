using System.Net;
using System.Net.Sockets;

namespace Gateway.Benchmarks.Stations;

/// <summary>
/// The socket floor the station figures are read against: a thread blocked in a UDP receive on 127.0.0.1 that sends
/// every datagram straight back. A round trip through it is two loopback datagrams and two thread wake-ups, the
/// least any "datagram in → datagram or event out" path in one process can cost on this machine.
/// </summary>
internal sealed class LoopbackEcho : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly Thread _thread;

    public LoopbackEcho()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Address = (IPEndPoint)_socket.LocalEndPoint!;
        _thread = new Thread(Run) { IsBackground = true, Name = "loopback-echo" };
        _thread.Start();
    }

    public IPEndPoint Address { get; }

    public void Dispose()
    {
        // Closing the socket ends the blocked receive.
        _socket.Dispose();
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    private void Run()
    {
        var buffer = new byte[65_535];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        try
        {
            while (true)
            {
                var length = _socket.ReceiveFrom(buffer, ref from);
                _socket.SendTo(buffer.AsSpan(0, length), from);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Disposed: the benchmark is over.
        }
    }
}
