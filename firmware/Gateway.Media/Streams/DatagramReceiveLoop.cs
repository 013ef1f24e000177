using System.Net;
using System.Net.Sockets;

namespace Gateway.Media.Streams;

/// <summary>
/// A dedicated thread doing blocking receives on one UDP socket into a buffer allocated once, handing each datagram
/// to a handler. Ends when the socket is closed. Handler exceptions are counted, never fatal.
/// </summary>
internal sealed class DatagramReceiveLoop
{
    private const int BufferLength = 2048;

    private readonly Socket _socket;
    private readonly DatagramHandler _handler;
    private readonly Thread _thread;
    private bool _started;

    public DatagramReceiveLoop(Socket socket, DatagramHandler handler, string name)
    {
        _socket = socket;
        _handler = handler;
        _thread = new Thread(Run) { IsBackground = true, Name = name, Priority = ThreadPriority.AboveNormal };
    }

    /// <summary>Handler failures (a bug, not bad input: bad input is counted by the handler).</summary>
    public long HandlerFailures { get; private set; }

    public void Start()
    {
        _thread.Start();
        _started = true;
    }

    /// <summary>Waits for the thread (if it was started) after the socket was closed.</summary>
    public void Join()
    {
        if (_started)
        {
            _thread.Join(TimeSpan.FromSeconds(2));
        }
    }

    private void Run()
    {
        var buffer = new byte[BufferLength];
        var source = new SocketAddress(_socket.AddressFamily);
        while (true)
        {
            int length;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, source);
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.MessageSize)
            {
                // An ICMP error for an earlier send, or an oversized datagram: not fatal for the stream.
                continue;
            }
            catch (SocketException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }

            try
            {
                _handler(buffer.AsSpan(0, length), source);
            }
#pragma warning disable CA1031 // One bad datagram must not end the receive thread.
            catch (Exception)
#pragma warning restore CA1031
            {
                HandlerFailures++;
            }
        }
    }
}
