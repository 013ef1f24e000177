using System.Globalization;
using Microsoft.Extensions.Hosting.Systemd;

namespace Gateway.Host.Services;

/// <summary>
/// Pings systemd's watchdog (<c>WATCHDOG=1</c>) at half the unit's <c>WatchdogSec</c>, so a hung
/// gateway is restarted. Does nothing when not run by systemd with a watchdog.
/// </summary>
public sealed partial class WatchdogService : BackgroundService
{
    private readonly ISystemdNotifier _notifier;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<WatchdogService> _logger;
    private readonly Func<string, string?> _environment;

    /// <summary>Initializes a new instance of the <see cref="WatchdogService"/> class.</summary>
    /// <param name="notifier">systemd's notification socket.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="logger">Logger.</param>
    public WatchdogService(ISystemdNotifier notifier, TimeProvider timeProvider, ILogger<WatchdogService> logger)
        : this(notifier, timeProvider, logger, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="WatchdogService"/> class with an environment for tests.</summary>
    /// <param name="notifier">systemd's notification socket.</param>
    /// <param name="timeProvider">Clock.</param>
    /// <param name="logger">Logger.</param>
    /// <param name="environment">Reads an environment variable.</param>
    public WatchdogService(ISystemdNotifier notifier, TimeProvider timeProvider, ILogger<WatchdogService> logger, Func<string, string?> environment)
    {
        _notifier = notifier;
        _timeProvider = timeProvider;
        _logger = logger;
        _environment = environment;
    }

    /// <summary>Gets the ping interval: half of <c>WATCHDOG_USEC</c>, or <see langword="null"/> without a watchdog.</summary>
    /// <returns>The interval.</returns>
    public TimeSpan? PingInterval()
    {
        if (!_notifier.IsEnabled)
        {
            return null;
        }

        // WATCHDOG_PID, when set, names the process systemd expects the pings from.
        var pid = _environment("WATCHDOG_PID");
        if (pid is not null && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        if (!long.TryParse(_environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        return TimeSpan.FromTicks(usec * 10 / 2);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (PingInterval() is not { } interval)
        {
            return;
        }

        LogEnabled(interval.TotalSeconds);
        using var timer = new PeriodicTimer(interval, _timeProvider);
        try
        {
            do
            {
                _notifier.Notify(new ServiceState("WATCHDOG=1"));
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "systemd watchdog enabled: pinging every {Seconds:0.###} s")]
    private partial void LogEnabled(double seconds);
}
