using Gateway.Telephony.Events;

namespace Gateway.Telephony.Tests;

public sealed class EventBusTests
{
    private static GatewayEvent Event(string type) => new(type, "s1", DateTimeOffset.UnixEpoch);

    [Fact]
    public void Publish_TwoSubscribers_BothReceiveInOrder()
    {
        var bus = new EventBus();
        using var a = bus.Subscribe();
        using var b = bus.Subscribe();

        bus.Publish(Event("hook.off"));
        bus.Publish(Event("key"));

        foreach (var subscription in new[] { a, b })
        {
            Assert.True(subscription.Reader.TryRead(out var first));
            Assert.True(subscription.Reader.TryRead(out var second));
            Assert.Equal(["hook.off", "key"], [first!.Type, second!.Type]);
        }
    }

    [Fact]
    public void Publish_SlowSubscriber_DropsOldestAndCountsLoss()
    {
        var bus = new EventBus(recentCapacity: 10, subscriberCapacity: 2);
        using var slow = bus.Subscribe();

        bus.Publish(Event("a"));
        bus.Publish(Event("b"));
        bus.Publish(Event("c"));

        Assert.Equal(1, slow.Dropped);
        Assert.True(slow.Reader.TryRead(out var first));
        Assert.Equal("b", first!.Type);
    }

    [Fact]
    public void Recent_KeepsOnlyTheNewest()
    {
        var bus = new EventBus(recentCapacity: 2);

        bus.Publish(Event("a"));
        bus.Publish(Event("b"));
        bus.Publish(Event("c"));

        Assert.Equal(["b", "c"], bus.Recent.Select(e => e.Type));
    }

    [Fact]
    public void Dispose_Subscription_StopsDeliveryAndCompletesReader()
    {
        var bus = new EventBus();
        var subscription = bus.Subscribe();

        subscription.Dispose();
        bus.Publish(Event("a"));

        Assert.False(subscription.Reader.TryRead(out _));
        Assert.True(subscription.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void TimestampMs_IsUnixMilliseconds()
    {
        var gatewayEvent = new GatewayEvent("x", null, DateTimeOffset.FromUnixTimeMilliseconds(1_700_000_000_123));

        Assert.Equal(1_700_000_000_123, gatewayEvent.TimestampMs);
    }
}
