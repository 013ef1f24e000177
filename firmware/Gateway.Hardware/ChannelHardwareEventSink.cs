using System.Threading.Channels;

namespace Gateway.Hardware;

/// <summary>
/// An <see cref="IHardwareEventSink"/> over a bounded <see cref="Channel{T}"/>. When the channel is full the
/// newest event is dropped and counted, so a slow consumer can never stall a GPIO callback thread.
/// </summary>
public sealed class ChannelHardwareEventSink : IHardwareEventSink
{
    private readonly Channel<HardwareEvent> _channel;
    private long _dropped;

    /// <summary>Creates a sink holding at most <paramref name="capacity"/> undelivered events.</summary>
    /// <param name="capacity">Channel capacity, at least 1.</param>
    public ChannelHardwareEventSink(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _channel = Channel.CreateBounded<HardwareEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = false,
            SingleWriter = false,
        });
    }

    /// <summary>The consumer side.</summary>
    public ChannelReader<HardwareEvent> Reader => _channel.Reader;

    /// <summary>The capacity given at construction.</summary>
    public int Capacity { get; }

    /// <summary>How many events were dropped because the channel was full or completed.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    /// <inheritdoc/>
    public void Publish(HardwareEvent hardwareEvent)
    {
        ArgumentNullException.ThrowIfNull(hardwareEvent);

        // With FullMode.Wait, TryWrite fails instead of evicting: the oldest events (e.g. the off-hook that
        // started a call) are worth more than the newest.
        if (!_channel.Writer.TryWrite(hardwareEvent))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Marks the channel complete so readers finish; later events are counted as dropped.</summary>
    public void Complete() => _channel.Writer.TryComplete();
}
