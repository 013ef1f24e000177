using System.Net;
using System.Net.Sockets;

namespace Gateway.NetworkServer;

/// <summary>Hands out loopback ports free for both UDP and TCP, never the same one twice in a process.</summary>
public static class LoopbackPorts
{
    private static readonly HashSet<int> s_handedOut = [];
    private static readonly Lock s_gate = new();

    /// <summary>Finds a port on 127.0.0.1 that is free for UDP and TCP right now.</summary>
    /// <returns>The port number.</returns>
    public static int GetFree()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            var port = ((IPEndPoint)udp.LocalEndPoint!).Port;
            if (!IsTcpFree(port))
            {
                continue;
            }

            lock (s_gate)
            {
                // SIPp and baresip also bind port+1 (RTCP, TLS): keep neighbours apart too.
                if (s_handedOut.Contains(port) || s_handedOut.Contains(port - 1) || s_handedOut.Contains(port + 1))
                {
                    continue;
                }

                s_handedOut.Add(port);
                return port;
            }
        }

        throw new InvalidOperationException("No free loopback port found.");
    }

    private static bool IsTcpFree(int port)
    {
        try
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
