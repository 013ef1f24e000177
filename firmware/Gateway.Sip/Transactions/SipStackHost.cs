using System.Net;
using System.Net.Sockets;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>
/// Transports plus a transaction layer with one TU, ready to use: the quickest way to stand up a UAS
/// (for example for an interop test) or the base of the gateway's UA.
/// </summary>
public sealed class SipStackHost : IAsyncDisposable
{
    private const int EphemeralPairAttempts = 16;

    private SipStackHost(SipTransportLayer transports, SipTransactionLayer transactions)
    {
        Transports = transports;
        Transactions = transactions;
    }

    /// <summary>The transports.</summary>
    public SipTransportLayer Transports { get; }

    /// <summary>The transaction layer (send requests with <see cref="SipTransactionLayer.SendRequest"/>).</summary>
    public SipTransactionLayer Transactions { get; }

    /// <summary>Wires existing transports to a new transaction layer and starts them.</summary>
    /// <param name="transports">The transports; the stack disposes them.</param>
    /// <param name="user">The TU.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <returns>The running stack.</returns>
    public static SipStackHost Create(IEnumerable<ISipTransport> transports, ISipTransactionUser user, SipStackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(transports);
        ArgumentNullException.ThrowIfNull(user);
        options ??= new SipStackOptions();
        var layer = new SipTransportLayer();
        foreach (var transport in transports)
        {
            layer.Add(transport);
        }

        var transactions = new SipTransactionLayer(layer, user, options.Timers, options.TimeProvider, options.Validator, options.Logger);
        return new SipStackHost(layer, transactions);
    }

    /// <summary>A stack with one UDP transport and, when <paramref name="withTcp"/>, a TCP transport on the same address and port.</summary>
    /// <param name="bindAddress">Local address; port 0 picks an ephemeral port (UDP's, which TCP then reuses).</param>
    /// <param name="user">The TU.</param>
    /// <param name="withTcp">Also listen on TCP.</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <returns>The running stack.</returns>
    public static SipStackHost CreateSocketStack(IPEndPoint bindAddress, ISipTransactionUser user, bool withTcp = false, SipStackOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bindAddress);
        var attempt = 0;
        while (true)
        {
            var udp = new UdpSipTransport(bindAddress, options?.Transport);
            var transports = new List<ISipTransport> { udp };
            if (withTcp)
            {
                try
                {
                    transports.Add(new TcpSipTransport(udp.LocalEndPoint, options?.Transport));
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse && bindAddress.Port == 0 && ++attempt < EphemeralPairAttempts)
                {
                    // The ephemeral port the system gave UDP can already be taken on TCP (by any connection's local
                    // port); with no port asked for, another ephemeral pair is as good.
                    udp.CloseUnstarted();
                    continue;
                }
                catch
                {
                    udp.CloseUnstarted();
                    throw;
                }
            }

            return Create(transports, user, options);
        }
    }

    /// <summary>The local endpoint of the first transport of a kind (for Via sent-by and Contact).</summary>
    /// <param name="kind">The protocol.</param>
    /// <returns>The endpoint, or null when there is no such transport.</returns>
    public IPEndPoint? GetLocalEndPoint(SipTransportKind kind)
    {
        foreach (var transport in Transports.Transports)
        {
            if (transport.Kind == kind)
            {
                return transport.LocalEndPoint;
            }
        }

        return null;
    }

    /// <inheritdoc/>
    public ValueTask DisposeAsync()
    {
        Transactions.Dispose();
        return Transports.DisposeAsync();
    }
}
