using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Sip.Message;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transport;

public class UdpSipTransportTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task SendRequest_ThroughTwoTransactionLayers_ResponseArrives(string address)
    {
        var ip = IPAddress.Parse(address);
        var serverUser = new SocketTestUser();
        var clientUser = new SocketTestUser();
        await using var serverTransports = new SipTransportLayer();
        await using var clientTransports = new SipTransportLayer();
        var server = new UdpSipTransport(new IPEndPoint(ip, 0));
        var client = new UdpSipTransport(new IPEndPoint(ip, 0));
        serverTransports.Add(server);
        clientTransports.Add(client);
        _ = new SipTransactionLayer(serverTransports, serverUser);
        var clientLayer = new SipTransactionLayer(clientTransports, clientUser);

        // A sent-by that is not the source address: RFC 3581 must still bring the response back.
        var request = SocketTestUser.Request("OPTIONS", "UDP", "192.0.2.1:5060", server.LocalEndPoint, SipBranch.Create(), ";rport");
        clientLayer.SendRequest(request, new SipEndPoint(SipTransportKind.Udp, server.LocalEndPoint), clientUser);

        var response = await SocketTestUser.ReadAsync(clientUser.Responses);
        var serverTx = await SocketTestUser.ReadAsync(serverUser.Requests);
        Assert.NotEqual(0, server.LocalEndPoint.Port);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal(ip.ToString(), serverTx.Request.Via[0].Received);
        Assert.Equal(client.LocalEndPoint.Port, serverTx.Request.Via[0].RPort);
    }

    [Fact]
    public async Task Receive_GarbageThenMalformedThenValid_LoopSurvivesAnd400Sent()
    {
        var user = new SocketTestUser();
        await using var transports = new SipTransportLayer();
        var server = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transports.Add(server);
        _ = new SipTransactionLayer(transports, user);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sentBy = SocketTestUser.HostPort((IPEndPoint)peer.LocalEndPoint!);

        await peer.SendToAsync(new byte[] { 0, 1, 2, 0xff, 13, 10 }, server.LocalEndPoint);
        var malformed = SocketTestUser.RequestText("OPTIONS", "UDP", sentBy, server.LocalEndPoint, "z9hG4bKmal")
            .Replace("CSeq: 1 OPTIONS", "CSeq: one OPTIONS", StringComparison.Ordinal);
        await peer.SendToAsync(Encoding.UTF8.GetBytes(malformed), server.LocalEndPoint);
        var buffer = new byte[65536];
        var received = await peer.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        var badRequest = Assert.IsType<SipResponse>(SipMessageReader.ParseDatagram(buffer.AsSpan(0, received)).Message);
        Assert.Equal(400, badRequest.StatusCode);
        Assert.Contains("CSeq", badRequest.ReasonPhrase.ToString(), StringComparison.OrdinalIgnoreCase);

        await peer.SendToAsync(Encoding.UTF8.GetBytes(SocketTestUser.RequestText("OPTIONS", "UDP", sentBy, server.LocalEndPoint, "z9hG4bKgood")), server.LocalEndPoint);
        var tx = await SocketTestUser.ReadAsync(user.Requests);
        Assert.Equal("z9hG4bKgood", tx.Request.Via[0].Branch);
        received = await peer.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("SIP/2.0 200", Encoding.UTF8.GetString(buffer, 0, received), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendKeepAliveAsync_Udp_SendsDoubleCrlfAndReceiverIgnoresIt()
    {
        var user = new SocketTestUser();
        await using var transports = new SipTransportLayer();
        var server = new UdpSipTransport(new IPEndPoint(IPAddress.Loopback, 0));
        transports.Add(server);
        _ = new SipTransactionLayer(transports, user);
        using var peer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        peer.Bind(new IPEndPoint(IPAddress.Loopback, 0));

        Assert.True(await transports.SendKeepAliveAsync(new SipEndPoint(SipTransportKind.Udp, (IPEndPoint)peer.LocalEndPoint!)));
        var buffer = new byte[16];
        var received = await peer.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("\r\n\r\n", Encoding.ASCII.GetString(buffer, 0, received));

        // The server side ignores a ping and still answers the next request.
        await peer.SendToAsync("\r\n\r\n"u8.ToArray(), server.LocalEndPoint);
        var sentBy = SocketTestUser.HostPort((IPEndPoint)peer.LocalEndPoint!);
        await peer.SendToAsync(Encoding.UTF8.GetBytes(SocketTestUser.RequestText("OPTIONS", "UDP", sentBy, server.LocalEndPoint, "z9hG4bKafterping")), server.LocalEndPoint);
        var reply = new byte[65536];
        received = await peer.ReceiveAsync(reply.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("SIP/2.0 200", Encoding.UTF8.GetString(reply, 0, received), StringComparison.Ordinal);
    }
}
