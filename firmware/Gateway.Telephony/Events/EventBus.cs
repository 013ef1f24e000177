using System.Threading.Channels;

namespace Gateway.Telephony.Events;

/// <summary>
/// Fans gateway events out to subscribers (the SSE endpoint, tests) and keeps the most recent ones,
/// so a page that connects late still sees what just happened.
/// </summary>
/// <remarks>
/// Each subscriber has its own bounded queue: a slow reader loses its oldest events (and is told how many)
/// instead of slowing the station that published them.
/// </remarks>
public sealed class EventBus : IEventPublisher
{
    private readonly Lock _gate = new();
    private readonly List<EventSubscription> _subscribers = [];
    private readonly Queue<GatewayEvent> _recent;
    private readonly int _recentCapacity;
    private readonly int _subscriberCapacity;

    /// <summary>Initializes a new instance of the <see cref="EventBus"/> class.</summary>
    /// <param name="recentCapacity">How many recent events to keep for late subscribers.</param>
    /// <param name="subscriberCapacity">How many events one subscriber may have queued.</param>
    public EventBus(int recentCapacity = 200, int subscriberCapacity = 1024)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(recentCapacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(subscriberCapacity);
        _recentCapacity = recentCapacity;
        _subscriberCapacity = subscriberCapacity;
        _recent = new Queue<GatewayEvent>(recentCapacity);
    }

    /// <summary>Gets a copy of the most recent events, oldest first.</summary>
    public IReadOnlyList<GatewayEvent> Recent
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <inheritdoc />
    public void Publish(GatewayEvent gatewayEvent)
    {
        ArgumentNullException.ThrowIfNull(gatewayEvent);
        lock (_gate)
        {
            if (_recent.Count == _recentCapacity)
            {
                _recent.Dequeue();
            }

            _recent.Enqueue(gatewayEvent);
            foreach (var subscriber in _subscribers)
            {
                subscriber.Offer(gatewayEvent);
            }
        }
    }

    /// <summary>Starts a subscription. Dispose it to stop receiving events.</summary>
    /// <returns>The subscription, whose <see cref="EventSubscription.Reader"/> yields events.</returns>
    public EventSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<GatewayEvent>(new BoundedChannelOptions(_subscriberCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        var subscription = new EventSubscription(channel, _subscriberCapacity, Unsubscribe);
        lock (_gate)
        {
            _subscribers.Add(subscription);
        }

        return subscription;
    }

    private void Unsubscribe(EventSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }
}
