using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary>
/// A vpcd peer that serves a virtual card but, on the <c>n</c>-th command APDU, closes the connection instead of
/// answering: the card is pulled while pcscd's SCardTransmit for that APDU is in flight.
/// </summary>
internal sealed class PullingVpcdCard : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly VirtualCard.VirtualCard _card;
    private readonly int _pullAtApdu;
    private readonly Task _loop;

    private PullingVpcdCard(Socket socket, VirtualCard.VirtualCard card, int pullAtApdu)
    {
        _socket = socket;
        _card = card;
        _pullAtApdu = pullAtApdu;
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Set once the APDU that triggers the pull has arrived and the socket is closed.</summary>
    public TaskCompletionSource Pulled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public static async Task<PullingVpcdCard> InsertAsync(VirtualCard.VirtualCard card, int pullAtApdu)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, PcscdFixture.VpcdPort));
        return new PullingVpcdCard(socket, card, pullAtApdu);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _loop;
    }

    private async Task ServeAsync()
    {
        var apdus = 0;
        try
        {
            var header = new byte[2];
            var body = new byte[0xFFFF];
            while (true)
            {
                if (!await ReceiveExactAsync(header, 2))
                {
                    return;
                }

                var length = BinaryPrimitives.ReadUInt16BigEndian(header);
                if (!await ReceiveExactAsync(body, length))
                {
                    return;
                }

                byte[]? reply = length == 1 ? (body[0] == 0x04 ? _card.Atr.ToArray() : null) : null;
                if (length > 1)
                {
                    if (++apdus == _pullAtApdu)
                    {
                        // Flagged first: pcscd fails the transmit as soon as the socket closes.
                        Pulled.TrySetResult();
                        _socket.Shutdown(SocketShutdown.Both);
                        _socket.Close();
                        return;
                    }

                    reply = _card.Process(body.AsSpan(0, length));
                }

                if (reply is not null)
                {
                    var frame = new byte[reply.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(frame, (ushort)reply.Length);
                    reply.CopyTo(frame, 2);
                    await _socket.SendAsync(frame, SocketFlags.None);
                }
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Closed by the test or by the pull.
        }
    }

    private async Task<bool> ReceiveExactAsync(byte[] buffer, int length)
    {
        var got = 0;
        while (got < length)
        {
            var n = await _socket.ReceiveAsync(buffer.AsMemory(got, length - got), SocketFlags.None);
            if (n == 0)
            {
                return false;
            }

            got += n;
        }

        return true;
    }
}
