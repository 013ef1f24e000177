using System.Net;
using System.Net.Sockets;
using Gateway.VirtualCard;

namespace Gateway.SmartCard.Tests;

/// <summary>Drives <see cref="VirtualCardConnection"/> from a loopback listener that speaks vpcd's side of the protocol.</summary>
public class VirtualCardConnectionTests
{
    [Fact]
    public async Task ConnectAsync_VpcdControlAndApdu_AnswersAtrAndResponseFrames()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));

        var connection = await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", port, cts.Token);
        using var vpcd = await listener.AcceptSocketAsync(cts.Token);
        await SendAsync(vpcd, [0x01], cts.Token);
        await SendAsync(vpcd, [0x04], cts.Token);
        var atr = await ReceiveAsync(vpcd, cts.Token);
        await SendAsync(vpcd, new CommandApdu(0, 0xA4, 4, 0, FollowMeApplication.Aid, 256).ToBytes(), cts.Token);
        var select = ResponseApdu.Parse(await ReceiveAsync(vpcd, cts.Token));

        Assert.Equal("3B951381018073FF01000B", Convert.ToHexString(atr));
        Assert.Equal(StatusWords.Success, select.StatusWord);

        await connection.DisposeAsync();
        var buffer = new byte[1];
        Assert.Equal(0, await vpcd.ReceiveAsync(buffer, SocketFlags.None, cts.Token));
    }

    [Fact]
    public async Task Completion_ReaderClosesConnection_Completes()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var card = VirtualCard.VirtualCard.Create(TestCards.Applet());
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var connection = await VirtualCardConnection.ConnectAsync(card, "127.0.0.1", ((IPEndPoint)listener.LocalEndpoint).Port, cts.Token);
        var vpcd = await listener.AcceptSocketAsync(cts.Token);

        vpcd.Close();

        await connection.Completion.WaitAsync(cts.Token);
        Assert.True(connection.Completion.IsCompletedSuccessfully);
    }

    private static async Task SendAsync(Socket socket, byte[] payload, CancellationToken ct)
    {
        // vpcd writes length and body separately; do the same so framing across segments is exercised.
        await socket.SendAsync(new byte[] { (byte)(payload.Length >> 8), (byte)payload.Length }, SocketFlags.None, ct);
        await socket.SendAsync(payload, SocketFlags.None, ct);
    }

    private static async Task<byte[]> ReceiveAsync(Socket socket, CancellationToken ct)
    {
        var header = await ReceiveExactAsync(socket, 2, ct);
        return await ReceiveExactAsync(socket, (header[0] << 8) | header[1], ct);
    }

    private static async Task<byte[]> ReceiveExactAsync(Socket socket, int count, CancellationToken ct)
    {
        var buffer = new byte[count];
        var read = 0;
        while (read < count)
        {
            var n = await socket.ReceiveAsync(buffer.AsMemory(read), SocketFlags.None, ct);
            Assert.NotEqual(0, n);
            read += n;
        }

        return buffer;
    }
}
