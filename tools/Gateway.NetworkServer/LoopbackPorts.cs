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

    /// <summary>
    /// Finds an even port on 127.0.0.1 whose pair (port + 1, for RTCP) is free for UDP too: RTP stacks such as
    /// baresip take the even port of a range, so an odd base would send media to the next port up.
    /// </summary>
    /// <returns>The even RTP port.</returns>
    public static int GetFreeRtpPair()
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var port = GetFree() & ~1;
            if (port > 1024 && IsUdpFree(port) && IsUdpFree(port + 1))
            {
                lock (s_gate)
                {
                    s_handedOut.Add(port);
                    s_handedOut.Add(port + 1);
                }

                return port;
            }
        }

        throw new InvalidOperationException("No free even loopback port pair found.");
    }

    private static bool IsUdpFree(int port) => IsFree(port, SocketType.Dgram, ProtocolType.Udp);

    private static bool IsTcpFree(int port) => IsFree(port, SocketType.Stream, ProtocolType.Tcp);

    private static bool IsFree(int port, SocketType type, ProtocolType protocol)
    {
        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, type, protocol);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
