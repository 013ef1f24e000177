using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Sip.Tests.Transport;

public class TcpSipTransportTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task SendRequest_ThroughTwoTransactionLayers_ResponseArrivesAndConnectionIsReused(string address)
    {
        var ip = IPAddress.Parse(address);
        var serverUser = new SocketTestUser();
        var clientUser = new SocketTestUser();
        await using var serverTransports = new SipTransportLayer();
        await using var clientTransports = new SipTransportLayer();
        var server = new TcpSipTransport(new IPEndPoint(ip, 0));
        var client = new TcpSipTransport(new IPEndPoint(ip, 0));
        serverTransports.Add(server);
        clientTransports.Add(client);
        _ = new SipTransactionLayer(serverTransports, serverUser);
        var clientLayer = new SipTransactionLayer(clientTransports, clientUser);
        var destination = new SipEndPoint(SipTransportKind.Tcp, server.LocalEndPoint);
        var sentBy = SocketTestUser.HostPort(client.LocalEndPoint);

        var first = clientLayer.SendRequest(SocketTestUser.Request("OPTIONS", "TCP", sentBy, server.LocalEndPoint, SipBranch.Create()), destination, clientUser);
        Assert.Equal(200, (await SocketTestUser.ReadAsync(clientUser.Responses)).StatusCode);
        clientLayer.SendRequest(SocketTestUser.Request("OPTIONS", "TCP", sentBy, server.LocalEndPoint, SipBranch.Create()), destination, clientUser);
        Assert.Equal(200, (await SocketTestUser.ReadAsync(clientUser.Responses)).StatusCode);

        Assert.True(first.IsReliable);
        Assert.Equal(1, client.ConnectionCount);
        Assert.Equal(1, server.ConnectionCount);
    }

    [Fact]
    public async Task SendKeepAliveAsync_OpenConnection_PongDoesNotBreakFraming()
    {
        var serverUser = new SocketTestUser();
        var clientUser = new SocketTestUser();
        await using var serverTransports = new SipTransportLayer();
        await using var clientTransports = new SipTransportLayer();
        var server = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        var client = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        serverTransports.Add(server);
        clientTransports.Add(client);
        _ = new SipTransactionLayer(serverTransports, serverUser);
        var clientLayer = new SipTransactionLayer(clientTransports, clientUser);
        var destination = new SipEndPoint(SipTransportKind.Tcp, server.LocalEndPoint);
        var sentBy = SocketTestUser.HostPort(client.LocalEndPoint);
        clientLayer.SendRequest(SocketTestUser.Request("OPTIONS", "TCP", sentBy, server.LocalEndPoint, SipBranch.Create()), destination, clientUser);
        await SocketTestUser.ReadAsync(clientUser.Responses);

        Assert.True(await clientTransports.SendKeepAliveAsync(destination));
        await Task.Delay(50);
        clientLayer.SendRequest(SocketTestUser.Request("OPTIONS", "TCP", sentBy, server.LocalEndPoint, SipBranch.Create()), destination, clientUser);

        Assert.Equal(200, (await SocketTestUser.ReadAsync(clientUser.Responses)).StatusCode);
        Assert.Equal(1, client.ConnectionCount);
    }

    [Fact]
    public async Task Receive_MessageInTinyWrites_ParsesAndAnswersOnSameConnection()
    {
        var user = new SocketTestUser();
        await using var transports = new SipTransportLayer();
        var server = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transports.Add(server);
        _ = new SipTransactionLayer(transports, user);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        await peer.ConnectAsync(server.LocalEndPoint);
        var sentBy = SocketTestUser.HostPort((IPEndPoint)peer.LocalEndPoint!);
        var bytes = Encoding.UTF8.GetBytes(SocketTestUser.RequestText("OPTIONS", "TCP", sentBy, server.LocalEndPoint, "z9hG4bKsplit"));

        for (var i = 0; i < bytes.Length; i += 3)
        {
            await peer.SendAsync(bytes.AsMemory(i, Math.Min(3, bytes.Length - i)));
            if (i % 30 == 0)
            {
                await Task.Delay(1);
            }
        }

        var tx = await SocketTestUser.ReadAsync(user.Requests);
        Assert.Equal("z9hG4bKsplit", tx.Request.Via[0].Branch);
        var response = await ReadMessageAsync(peer);
        Assert.Equal(200, Assert.IsType<SipResponse>(response).StatusCode);
    }

    [Fact]
    public async Task Receive_FramingError_ClosesConnection()
    {
        var user = new SocketTestUser();
        await using var transports = new SipTransportLayer();
        var server = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transports.Add(server);
        _ = new SipTransactionLayer(transports, user);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await peer.ConnectAsync(server.LocalEndPoint);
        var sentBy = SocketTestUser.HostPort((IPEndPoint)peer.LocalEndPoint!);
        var noLength = SocketTestUser.RequestText("OPTIONS", "TCP", sentBy, server.LocalEndPoint, "z9hG4bKnolen")
            .Replace("Content-Length: 0\r\n", string.Empty, StringComparison.Ordinal);

        await peer.SendAsync(Encoding.UTF8.GetBytes(noLength));

        var read = await peer.ReceiveAsync(new byte[64].AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, read);
        await SocketTestUser.WaitUntilAsync(() => server.ConnectionCount == 0);
        Assert.False(user.Requests.Reader.TryRead(out _));
    }

    [Fact]
    public async Task Receive_DoubleCrlfPing_AnsweredWithPong()
    {
        await using var transports = new SipTransportLayer();
        var server = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transports.Add(server);
        _ = new SipTransactionLayer(transports, new SocketTestUser());
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await peer.ConnectAsync(server.LocalEndPoint);

        await peer.SendAsync("\r\n\r\n"u8.ToArray());

        var buffer = new byte[8];
        var read = await peer.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("\r\n", Encoding.ASCII.GetString(buffer, 0, read));
    }

    [Fact]
    public async Task SendKeepAliveAsync_NoConnection_ReturnsFalse()
    {
        await using var transports = new SipTransportLayer();
        transports.Add(new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0)));
        _ = new SipTransactionLayer(transports, new SocketTestUser());

        Assert.False(await transports.SendKeepAliveAsync(new SipEndPoint(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Loopback, 9))));
    }

    [Fact]
    public async Task IdleConnection_PastIdleTimeout_IsClosed()
    {
        var time = new FakeTimeProvider();
        await using var transports = new SipTransportLayer();
        var server = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), new SipTransportOptions { IdleTimeout = TimeSpan.FromMinutes(1), TimeProvider = time });
        transports.Add(server);
        _ = new SipTransactionLayer(transports, new SocketTestUser());
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await peer.ConnectAsync(server.LocalEndPoint);
        await SocketTestUser.WaitUntilAsync(() => server.ConnectionCount == 1);

        time.Advance(TimeSpan.FromSeconds(45));
        Assert.Equal(1, server.ConnectionCount);
        time.Advance(TimeSpan.FromSeconds(30));

        var read = await peer.ReceiveAsync(new byte[8].AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, read);
        Assert.Equal(0, server.ConnectionCount);
    }

    [Fact]
    public async Task Receive_OversizeMessage_ClosesConnection()
    {
        await using var transports = new SipTransportLayer();
        var server = new TcpSipTransport(new IPEndPoint(IPAddress.Loopback, 0), new SipTransportOptions { Parser = new SipParserOptions { MaxMessageSize = 1024 } });
        transports.Add(server);
        var user = new SocketTestUser();
        _ = new SipTransactionLayer(transports, user);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await peer.ConnectAsync(server.LocalEndPoint);
        var sentBy = SocketTestUser.HostPort((IPEndPoint)peer.LocalEndPoint!);
        var big = SocketTestUser.RequestText("OPTIONS", "TCP", sentBy, server.LocalEndPoint, "z9hG4bKbig")
            .Replace("Max-Forwards: 70\r\n", "Max-Forwards: 70\r\nSubject: " + new string('x', 2000) + "\r\n", StringComparison.Ordinal);

        await peer.SendAsync(Encoding.UTF8.GetBytes(big));

        var read = await peer.ReceiveAsync(new byte[64].AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(0, read);
        Assert.False(user.Requests.Reader.TryRead(out _));
    }

    private static async Task<SipMessage> ReadMessageAsync(Socket socket)
    {
        var buffer = new byte[65536];
        var count = 0;
        while (true)
        {
            var read = await socket.ReceiveAsync(buffer.AsMemory(count)).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.NotEqual(0, read);
            count += read;
            var sequence = new System.Buffers.ReadOnlySequence<byte>(buffer, 0, count);
            if (SipMessageReader.TryReadStream(ref sequence, out var message, out _) == SipParseStatus.Complete)
            {
                return message!;
            }
        }
    }
}
