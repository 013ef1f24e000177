namespace Gateway.Hardware.Tests;

public sealed class ChannelHardwareEventSinkTests
{
    [Fact]
    public void Publish_BeyondCapacity_DropsNewestAndCounts()
    {
        var sink = new ChannelHardwareEventSink(2);
        var t = DateTimeOffset.UnixEpoch;
        sink.Publish(new KeyPressed(t, '1'));
        sink.Publish(new KeyPressed(t, '2'));
        sink.Publish(new KeyPressed(t, '3'));

        Assert.Equal(1, sink.DroppedCount);
        Assert.Equal("12", string.Concat(sink.Drain().Select(e => ((KeyPressed)e).Key)));
    }

    [Fact]
    public void Publish_AfterComplete_CountedAsDropped()
    {
        var sink = new ChannelHardwareEventSink(4);
        sink.Complete();
        sink.Publish(new CoinInserted(DateTimeOffset.UnixEpoch, 1));

        Assert.Equal(1, sink.DroppedCount);
        Assert.True(sink.Reader.Completion.IsCompleted);
    }

    [Fact]
    public void Ctor_ZeroCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChannelHardwareEventSink(0));
    }
}
