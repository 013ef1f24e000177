namespace Gateway.Telephony.Events;

/// <summary>Accepts gateway events. Publishing never blocks the caller.</summary>
public interface IEventPublisher
{
    /// <summary>Publishes an event to every current subscriber.</summary>
    /// <param name="gatewayEvent">The event.</param>
    void Publish(GatewayEvent gatewayEvent);
}
