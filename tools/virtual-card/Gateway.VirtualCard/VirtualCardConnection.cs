using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gateway.VirtualCard;

/// <summary>
/// Connects a <see cref="VirtualCard"/> to a vsmartcard vpcd reader (inside pcscd) as a TCP client: the connection
/// is the insertion, disposing it is the removal. Speaks the vpcd framing of docs (2-byte big-endian length, control
/// bytes 00 off / 01 on / 02 reset / 04 get ATR, APDUs otherwise).
/// </summary>
public sealed class VirtualCardConnection : IAsyncDisposable
{
    private const int IpProtoTcp = 6;
    private const int TcpQuickAck = 12;
    private readonly VirtualCard _card;
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;
    private volatile bool _pulledMidApdu;

    private VirtualCardConnection(VirtualCard card, Socket socket)
    {
        _card = card;
        _socket = socket;
        _loop = Task.Run(() => ServeAsync(_stop.Token));
    }

    /// <summary>Gets a value indicating whether the card pulled itself at <see cref="VirtualCard.PullAtApdu"/>.</summary>
    public bool PulledMidApdu => _pulledMidApdu;

    /// <summary>Completes when vpcd closes the connection, the loop fails, or the connection is disposed.</summary>
    public Task Completion => _loop;

    /// <summary>Inserts <paramref name="card"/> into the vpcd reader listening on <paramref name="host"/>:<paramref name="port"/>.</summary>
    /// <param name="card">The card.</param>
    /// <param name="host">An IPv4 address, normally 127.0.0.1.</param>
    /// <param name="port">The vpcd port (35963 for reader "Virtual PCD 00 00").</param>
    /// <param name="ct">Cancellation of the connect.</param>
    /// <returns>The live connection; dispose it to remove the card.</returns>
    public static async Task<VirtualCardConnection> ConnectAsync(VirtualCard card, string host, int port, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(card);
        var address = IPAddress.Parse(host);
        var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), ct);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        card.ResetSession();
        return new VirtualCardConnection(card, socket);
    }

    /// <summary>Removes the card: closes the connection and waits for the serving loop to end.</summary>
    /// <returns>A task that completes when the loop has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // Already closed by the peer.
        }

        _socket.Close();
        try
        {
            await _loop;
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The loop ends with one of these when we pull the card; that is the point.
        }

        _stop.Dispose();
        _card.ResetSession();
    }

    private async Task ServeAsync(CancellationToken ct)
    {
        var header = new byte[2];
        var body = new byte[0xFFFF];
        var apdus = 0;
        while (!ct.IsCancellationRequested)
        {
            if (!await ReceiveExactAsync(header, ct))
            {
                return;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(header);
            if (!await ReceiveExactAsync(body.AsMemory(0, length), ct))
            {
                return;
            }

            if (length == 1)
            {
                switch (body[0])
                {
                    case 0x00 or 0x01 or 0x02:
                        _card.ResetSession();
                        break;
                    case 0x04:
                        await SendFrameAsync(_card.Atr, ct);
                        break;
                    default:
                        break;
                }

                continue;
            }

            if (++apdus == _card.PullAtApdu)
            {
                // Pulled mid-APDU: vpcd sees the connection end while pcscd waits for this answer.
                _pulledMidApdu = true;
                _socket.Shutdown(SocketShutdown.Both);
                return;
            }

            await SendFrameAsync(_card.Process(body.AsSpan(0, length)), ct);
        }
    }

    private async ValueTask SendFrameAsync(ReadOnlyMemory<byte> payload, CancellationToken ct)
    {
        // One send for length and body, so the frame leaves in one segment.
        var frame = new byte[payload.Length + 2];
        BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)payload.Length);
        payload.CopyTo(frame.AsMemory(2));
        var sent = 0;
        while (sent < frame.Length)
        {
            sent += await _socket.SendAsync(frame.AsMemory(sent), SocketFlags.None, ct);
        }
    }

    private async ValueTask<bool> ReceiveExactAsync(Memory<byte> buffer, CancellationToken ct)
    {
        var received = 0;
        while (received < buffer.Length)
        {
            SetQuickAck();
            var n = await _socket.ReceiveAsync(buffer[received..], SocketFlags.None, ct);
            if (n == 0)
            {
                return false;
            }

            received += n;
        }

        return true;
    }

    private void SetQuickAck()
    {
        // vpcd sends length and body in two writes; Linux re-arms delayed ACK, so QUICKACK must be set before every
        // receive or each APDU costs ~40 ms of Nagle/delayed-ACK stall.
        if (OperatingSystem.IsLinux())
        {
            try
            {
                _socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, [1, 0, 0, 0]);
            }
            catch (SocketException)
            {
                // Not fatal: only latency suffers.
            }
        }
    }
}
