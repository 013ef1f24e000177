using System.Net;
using Gateway.Sip.Message;
using Gateway.Sip.Transport;

namespace Gateway.Sip.Transactions;

/// <summary>
/// What every RFC 3261 §17 transaction has: the request that created it, the transport and peer
/// its messages go through, a state and timers on the layer's <see cref="TimeProvider"/>.
/// </summary>
public abstract class SipTransaction
{
    private readonly List<TransactionTimer> _timers = new(4);

    private protected SipTransaction(SipTransactionLayer layer, SipRequest request, ISipTransport transport, IPEndPoint remote, string key)
    {
        Layer = layer;
        Request = request;
        Transport = transport;
        RemoteEndPoint = remote;
        Key = key;
    }

    /// <summary>The request that created the transaction (for a server transaction, with received/rport stamped).</summary>
    public SipRequest Request { get; }

    /// <summary>The current state.</summary>
    public SipTransactionState State { get; private protected set; }

    /// <summary>The local transport all messages of the transaction use.</summary>
    public ISipTransport Transport { get; }

    /// <summary>The peer: where requests (client) or responses (server, §18.2.2) are sent.</summary>
    public IPEndPoint RemoteEndPoint { get; }

    /// <summary>True on stream transports: no retransmissions, zero wait timers.</summary>
    public bool IsReliable => Transport.IsReliable;

    internal string Key { get; }

    // One lock per transaction: timers, retransmissions and the TU may race on it. Never held while
    // sending or calling the TU, so synchronous delivery (loopback) cannot deadlock.
    internal Lock Gate { get; } = new();

    private protected SipTransactionLayer Layer { get; }

    private protected SipTimerSettings Timers => Layer.Timers;

    internal virtual void OnTransportError(Exception exception)
    {
        lock (Gate)
        {
            TerminateLocked();
        }
    }

    /// <summary>Ends the transaction without telling anyone (layer shutdown).</summary>
    internal void Abandon()
    {
        lock (Gate)
        {
            TerminateLocked();
        }
    }

    private protected TransactionTimer CreateTimer(Action onFire)
    {
        var timer = new TransactionTimer(Layer.TimeProvider, onFire);
        _timers.Add(timer);
        return timer;
    }

    private protected void Transmit(ReadOnlyMemory<byte> data) => Layer.Transmit(this, data);

    /// <summary>Moves to Terminated, stops every timer and leaves the layer's table. Call under <see cref="Gate"/>.</summary>
    /// <returns>False when already terminated.</returns>
    private protected bool TerminateLocked()
    {
        if (State == SipTransactionState.Terminated)
        {
            return false;
        }

        State = SipTransactionState.Terminated;
        foreach (var timer in _timers)
        {
            timer.Dispose();
        }

        Layer.Remove(this);
        return true;
    }

    private protected static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
