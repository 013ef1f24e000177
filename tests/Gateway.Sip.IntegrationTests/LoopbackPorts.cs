using System.Net;
using System.Net.Sockets;

namespace Gateway.Sip.IntegrationTests;

/// <summary>Free loopback ports, found by binding port 0.</summary>
internal static class LoopbackPorts
{
    /// <summary>A port free for both UDP and TCP on 127.0.0.1 at the time of the call.</summary>
    public static int GetFree()
    {
        for (var attempt = 0; ; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            try
            {
                using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return port;
            }
            catch (SocketException) when (attempt < 20)
            {
                // The TCP twin is taken; try another.
            }
        }
    }
}
