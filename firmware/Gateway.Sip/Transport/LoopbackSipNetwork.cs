using System.Net;
using Gateway.Sip.Message;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Sip.Transport;

/// <summary>
/// An in-memory network for tests: transports created here deliver to each other synchronously,
/// without sockets. Every packet is recorded; a filter can drop packets to simulate loss.
/// </summary>
public sealed class LoopbackSipNetwork
{
    private readonly Dictionary<(SipTransportKind, IPEndPoint), LoopbackSipTransport> _transports = [];
    private readonly List<LoopbackPacket> _packets = [];
    private readonly Lock _gate = new();

    /// <summary>Returns true for packets that must be lost. Null delivers everything.</summary>
    public Func<LoopbackPacket, bool>? Drop { get; set; }

    /// <summary>Parser limits used when delivering.</summary>
    public SipParserOptions ParserOptions { get; init; } = SipParserOptions.Default;

    /// <summary>A snapshot of every packet sent so far, dropped ones included.</summary>
    public IReadOnlyList<LoopbackPacket> Packets
    {
        get
        {
            lock (_gate)
            {
                return _packets.ToArray();
            }
        }
    }

    /// <summary>Creates a transport attached to this network.</summary>
    /// <param name="kind">Its protocol; anything but UDP counts as reliable.</param>
    /// <param name="local">Its address.</param>
    /// <returns>The transport.</returns>
    public LoopbackSipTransport CreateTransport(SipTransportKind kind, IPEndPoint local)
    {
        ArgumentNullException.ThrowIfNull(local);
        var transport = new LoopbackSipTransport(this, kind, local);
        lock (_gate)
        {
            _transports.Add((kind, local), transport);
        }

        return transport;
    }

    /// <summary>Forgets the recorded packets.</summary>
    public void ClearPackets()
    {
        lock (_gate)
        {
            _packets.Clear();
        }
    }

    internal void Remove(LoopbackSipTransport transport)
    {
        lock (_gate)
        {
            _transports.Remove((transport.Kind, transport.LocalEndPoint));
        }
    }

    internal void Deliver(LoopbackSipTransport from, IPEndPoint to, ReadOnlyMemory<byte> data)
    {
        var packet = new LoopbackPacket(from.Kind, from.LocalEndPoint, to, data.ToArray());
        LoopbackSipTransport? target;
        lock (_gate)
        {
            _packets.Add(packet);
            _transports.TryGetValue((from.Kind, to), out target);
        }

        if (target?.Receiver is not { } receiver || Drop?.Invoke(packet) == true)
        {
            return;
        }

        SipDatagramDispatcher.Dispatch(packet.Data.Span, receiver, new SipInboundContext(target, from.LocalEndPoint), ParserOptions, NullLogger.Instance);
    }
}
