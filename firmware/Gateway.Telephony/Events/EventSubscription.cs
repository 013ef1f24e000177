using System.Threading.Channels;

namespace Gateway.Telephony.Events;

/// <summary>One subscriber's view of the <see cref="EventBus"/>.</summary>
public sealed class EventSubscription : IDisposable
{
    private readonly Channel<GatewayEvent> _channel;
    private readonly int _capacity;
    private readonly Action<EventSubscription> _unsubscribe;
    private long _dropped;

    internal EventSubscription(Channel<GatewayEvent> channel, int capacity, Action<EventSubscription> unsubscribe)
    {
        _channel = channel;
        _capacity = capacity;
        _unsubscribe = unsubscribe;
    }

    /// <summary>Gets the events, in publication order.</summary>
    public ChannelReader<GatewayEvent> Reader => _channel.Reader;

    /// <summary>Gets how many events this subscriber lost because it read too slowly.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <inheritdoc />
    public void Dispose()
    {
        _unsubscribe(this);
        _channel.Writer.TryComplete();
    }

    /// <summary>Queues an event; called under the bus lock, so the count check and the write do not race other writers.</summary>
    internal void Offer(GatewayEvent gatewayEvent)
    {
        // DropOldest still accepts the write when full; count the event it pushed out.
        if (_channel.Reader.Count >= _capacity)
        {
            Interlocked.Increment(ref _dropped);
        }

        _channel.Writer.TryWrite(gatewayEvent);
    }
}
