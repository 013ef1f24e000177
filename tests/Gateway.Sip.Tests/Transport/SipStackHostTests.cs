using System.Net;
using System.Net.Sockets;
using System.Text;
using Gateway.Sip.Transactions;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Tests.Transport;

public class SipStackHostTests
{
    [Fact]
    public async Task CreateSocketStack_UdpAndTcp_AnswersOnBothWithSamePort()
    {
        var user = new SocketTestUser();
        await using var stack = SipStackHost.CreateSocketStack(new IPEndPoint(IPAddress.Loopback, 0), user, withTcp: true);
        var udp = stack.GetLocalEndPoint(SipTransportKind.Udp)!;
        var tcp = stack.GetLocalEndPoint(SipTransportKind.Tcp)!;
        Assert.Equal(udp.Port, tcp.Port);

        using var udpPeer = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udpPeer.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var sentBy = SocketTestUser.HostPort((IPEndPoint)udpPeer.LocalEndPoint!);
        await udpPeer.SendToAsync(Encoding.UTF8.GetBytes(SocketTestUser.RequestText("OPTIONS", "UDP", sentBy, udp, "z9hG4bKstack1")), udp);
        var buffer = new byte[65536];
        var read = await udpPeer.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("SIP/2.0 200", Encoding.UTF8.GetString(buffer, 0, read), StringComparison.Ordinal);

        using var tcpPeer = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await tcpPeer.ConnectAsync(tcp);
        sentBy = SocketTestUser.HostPort((IPEndPoint)tcpPeer.LocalEndPoint!);
        await tcpPeer.SendAsync(Encoding.UTF8.GetBytes(SocketTestUser.RequestText("OPTIONS", "TCP", sentBy, tcp, "z9hG4bKstack2")));
        read = await tcpPeer.ReceiveAsync(buffer.AsMemory(), SocketFlags.None).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.StartsWith("SIP/2.0 200", Encoding.UTF8.GetString(buffer, 0, read), StringComparison.Ordinal);
    }

    [Fact]
    public void CreateSocketStack_AskedPortTakenOnTcp_ThrowsAndReleasesTheUdpSocket()
    {
        using var squatter = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        squatter.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        squatter.Listen();
        var taken = (IPEndPoint)squatter.LocalEndPoint!;

        var error = Assert.Throws<SocketException>(() => SipStackHost.CreateSocketStack(taken, new SocketTestUser(), withTcp: true));

        Assert.Equal(SocketError.AddressAlreadyInUse, error.SocketErrorCode);
        using var udpAgain = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udpAgain.Bind(taken); // would fail if the stack had leaked its UDP socket
    }
}
