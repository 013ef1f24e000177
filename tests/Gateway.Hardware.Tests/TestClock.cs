using Microsoft.Extensions.Time.Testing;

namespace Gateway.Hardware.Tests;

/// <summary>Fake-clock helpers: time moves in 1 ms steps so timers fire at their exact due time.</summary>
internal static class TestClock
{
    public static FakeTimeProvider Create() => new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public static void Step(this FakeTimeProvider time, int milliseconds)
    {
        for (var i = 0; i < milliseconds; i++)
        {
            time.Advance(TimeSpan.FromMilliseconds(1));
        }
    }

    public static List<HardwareEvent> Drain(this ChannelHardwareEventSink sink)
    {
        var events = new List<HardwareEvent>();
        while (sink.Reader.TryRead(out var e))
        {
            events.Add(e);
        }

        return events;
    }
}
