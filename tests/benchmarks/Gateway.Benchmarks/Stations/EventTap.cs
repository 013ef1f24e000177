using Gateway.Telephony.Events;

namespace Gateway.Benchmarks.Stations;

/// <summary>
/// The station's event publisher in the benchmark: it wakes a waiter the moment the station publishes the awaited
/// event type, on the station's own thread, so a figure ends when the event is raised and not when a channel
/// reader gets round to it.
/// </summary>
internal sealed class EventTap : IEventPublisher, IDisposable
{
    private readonly Lock _gate = new();
    private readonly ManualResetEventSlim _seen = new(false);
    private string? _awaited;
    private GatewayEvent? _last;

    /// <summary>Arms the tap: the next <paramref name="type"/> published sets it. Call before causing the event.</summary>
    public void Expect(string type)
    {
        lock (_gate)
        {
            _awaited = type;
            _seen.Reset();
        }
    }

    /// <summary>Blocks until the expected event was published (spinning briefly first, as a ready waiter would).</summary>
    public GatewayEvent Wait(TimeSpan timeout)
    {
        if (!_seen.Wait(timeout))
        {
            throw new TimeoutException($"no '{_awaited}' event within {timeout.TotalSeconds:F0} s; last event: {_last?.Type}");
        }

        return _last!;
    }

    public void Publish(GatewayEvent gatewayEvent)
    {
        lock (_gate)
        {
            _last = gatewayEvent;
            if (gatewayEvent.Type == _awaited)
            {
                _awaited = null;
                _seen.Set();
            }
        }
    }

    public void Dispose() => _seen.Dispose();
}
