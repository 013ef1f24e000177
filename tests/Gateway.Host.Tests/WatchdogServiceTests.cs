using Gateway.Host.Services;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Gateway.Host.Tests;

public sealed class WatchdogServiceTests
{
    [Fact]
    public void PingInterval_IsHalfOfWatchdogUsec()
    {
        var service = Create(enabled: true, new() { ["WATCHDOG_USEC"] = "30000000" }, new FakeTimeProvider(), out _);

        Assert.Equal(TimeSpan.FromSeconds(15), service.PingInterval());
    }

    [Theory]
    [InlineData(false, "30000000", null)]
    [InlineData(true, null, null)]
    [InlineData(true, "0", null)]
    [InlineData(true, "abc", null)]
    [InlineData(true, "30000000", "1")]
    public void PingInterval_WithoutUsableWatchdog_IsNull(bool enabled, string? usec, string? pid)
    {
        var environment = new Dictionary<string, string?> { ["WATCHDOG_USEC"] = usec, ["WATCHDOG_PID"] = pid };

        var service = Create(enabled, environment, new FakeTimeProvider(), out _);

        Assert.Null(service.PingInterval());
    }

    [Fact]
    public async Task Execute_PingsAtEachInterval()
    {
        var time = new FakeTimeProvider();
        var service = Create(enabled: true, new() { ["WATCHDOG_USEC"] = "2000000" }, time, out var notifier);

        await service.StartAsync(CancellationToken.None);
        await notifier.WaitForAsync(1);
        time.Advance(TimeSpan.FromSeconds(1));
        await notifier.WaitForAsync(2);
        time.Advance(TimeSpan.FromSeconds(1));
        await notifier.WaitForAsync(3);
        await service.StopAsync(CancellationToken.None);

        Assert.All(notifier.States, s => Assert.Equal("WATCHDOG=1", s));
    }

    private static WatchdogService Create(bool enabled, Dictionary<string, string?> environment, TimeProvider time, out FakeNotifier notifier)
    {
        notifier = new FakeNotifier(enabled);
        return new WatchdogService(notifier, time, NullLogger<WatchdogService>.Instance, name => environment.GetValueOrDefault(name));
    }

    private sealed class FakeNotifier(bool enabled) : ISystemdNotifier
    {
        private readonly List<string> _states = [];

        public bool IsEnabled => enabled;

        public IReadOnlyList<string> States
        {
            get
            {
                lock (_states)
                {
                    return [.. _states];
                }
            }
        }

        public void Notify(ServiceState state)
        {
            lock (_states)
            {
                _states.Add(state.ToString());
            }
        }

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; i < 500 && States.Count < count; i++)
            {
                await Task.Delay(10);
            }

            Assert.True(States.Count >= count, $"expected {count} pings, saw {States.Count}");
        }
    }
}
