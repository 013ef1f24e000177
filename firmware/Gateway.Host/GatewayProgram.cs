using System.Reflection;
using Gateway.BoardConfig;
using Gateway.Hardware;
using Gateway.Host.Api;
using Gateway.Host.Board;
using Gateway.Host.Cards;
using Gateway.Host.Logging;
using Gateway.Host.Options;
using Gateway.Host.Services;
using Gateway.Host.Sip;
using Gateway.Media.Diagnostics;
using Gateway.Telephony.Events;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Options;
using Serilog;

namespace Gateway.Host;

/// <summary>
/// The gateway's start-up: configuration, validation (before any hardware is touched), logging,
/// the board, and the hosted services.
/// </summary>
public static class GatewayProgram
{
    /// <summary>Exit code: an unexpected failure at run time.</summary>
    public const int ExitFailure = 1;

    /// <summary>Exit code: configuration or board file invalid.</summary>
    public const int ExitInvalidConfiguration = 2;

    /// <summary>Exit code: hardware missing or failing.</summary>
    public const int ExitHardwareError = 3;

    /// <summary>Environment variable naming the device configuration file.</summary>
    public const string ConfigFileVariable = "GATEWAY_CONFIG";

    /// <summary>The device configuration file when <see cref="ConfigFileVariable"/> is not set.</summary>
    public const string DefaultConfigFile = "/etc/gateway/gateway.json";

    private static readonly Dictionary<string, string> s_switches = new(StringComparer.Ordinal)
    {
        ["--board"] = "Gateway:Board",
        ["--port"] = "Gateway:Api:Port",
        ["--bind"] = "Gateway:Api:BindAddress",
        ["--log-dir"] = "Gateway:Logs:Directory",
        ["--device-id"] = "Gateway:DeviceId",
    };

    /// <summary>Runs the gateway until it is stopped.</summary>
    /// <param name="args">Command-line arguments.</param>
    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(string[] args)
    {
        var startedAt = DateTimeOffset.UtcNow;
        // Options are bound once at start (nothing uses IOptionsMonitor), so appsettings*.json are read once and not
        // watched: a watcher costs a thread, inotify watches over the whole install tree, and wake-ups.
        var hostSettings = new ConfigurationManager();
        hostSettings.AddInMemoryCollection([new("hostBuilder:reloadConfigOnChange", "false")]);
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = hostSettings,
        });
        AddDeviceConfiguration(builder.Configuration, args);

        using var bootstrap = new LoggerConfiguration().WriteTo.Console(standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose).CreateLogger();
        var section = builder.Configuration.GetSection(GatewayOptions.SectionName);
        var options = new GatewayOptions();
        section.Bind(options);
        var failures = ValidateOptions(options);
        if (failures.Count > 0)
        {
            foreach (var line in ConfigurationErrorReporter.Describe(failures, builder.Configuration, GatewayOptions.SectionName))
            {
                bootstrap.Fatal("Invalid configuration: {Problem}", line);
            }

            return ExitInvalidConfiguration;
        }

        BoardConfiguration board;
        try
        {
            var boardDirectory = Path.GetFullPath(options.BoardDirectory, AppContext.BaseDirectory);
            var path = BoardConfigLoader.Resolve(options.Board, boardDirectory);
            board = BoardConfigLoader.Load(path, RingCadences.Names, Gateway.Telephony.DialPlans.DialPlan.Validate);
        }
        catch (BoardConfigException ex)
        {
            foreach (var error in ex.Errors)
            {
                bootstrap.Fatal("Invalid board file: {Problem}", error.ToString());
            }

            return ExitInvalidConfiguration;
        }

        var simulated = BoardAssembler.IsSimulated(board);
        var logDirectory = SerilogSetup.ResolveDirectory(options.Logs, simulated);
        ConfigureServices(builder, options, board, logDirectory, startedAt);

        using var host = builder.Build();
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Gateway");
        try
        {
            // Touch the hardware now, inside this try, so a missing chip or pin is one clear line and exit code.
            _ = host.Services.GetRequiredService<BoardRuntime>();
        }
        catch (HardwareException ex)
        {
            logger.LogCritical("Hardware error on board {Board}: {Problem}", board.Board, ex.Message);
            return ExitHardwareError;
        }

        logger.LogInformation("Gateway {Version} starting on board {Board} ({Description}); logs in {LogDirectory}", Version, board.Board, board.Description, logDirectory);
        try
        {
            await host.RunAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // systemd's Restart=on-failure takes it from here.
            logger.LogCritical(ex, "Gateway stopped on an unexpected error");
            return ExitFailure;
        }

        return 0;
    }

    /// <summary>Gets the firmware version.</summary>
    public static string Version { get; } =
        typeof(GatewayProgram).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Runs every options rule without starting anything.</summary>
    /// <param name="options">The bound options.</param>
    /// <returns>The failure messages; empty when valid.</returns>
    public static IReadOnlyList<string> ValidateOptions(GatewayOptions options)
    {
        IValidateOptions<GatewayOptions>[] validators = [new GatewayOptionsValidator(), new ApiBindingRule(), new SipOptionsRule()];
        return [.. validators.Select(v => v.Validate(Microsoft.Extensions.Options.Options.DefaultName, options)).Where(r => r.Failed).SelectMany(r => r.Failures ?? [])];
    }

    private static void AddDeviceConfiguration(ConfigurationManager configuration, string[] args)
    {
        // Device file over appsettings; environment and command line stay on top of both.
        var deviceFile = Environment.GetEnvironmentVariable(ConfigFileVariable) ?? DefaultConfigFile;
        configuration.AddJsonFile(deviceFile, optional: true, reloadOnChange: false);
        configuration.AddEnvironmentVariables("GATEWAY_");
        configuration.AddCommandLine(args, s_switches);
    }

    private static void ConfigureServices(HostApplicationBuilder builder, GatewayOptions options, BoardConfiguration board, string logDirectory, DateTimeOffset startedAt)
    {
        var services = builder.Services;
        services.AddSerilog((_, logger) => SerilogSetup.Configure(logger, builder.Configuration, options.Logs, logDirectory));
        services.AddSystemd();

        // AddSystemd registers the notifier only under systemd; the watchdog service asks it whether it is.
        services.TryAddSingleton<ISystemdNotifier, SystemdNotifier>();
        services.AddOptions<GatewayOptions>().Bind(builder.Configuration.GetSection(GatewayOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GatewayOptions>, GatewayOptionsValidator>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, ApiBindingRule>();
        services.AddSingleton<IValidateOptions<GatewayOptions>, SipOptionsRule>();
        services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(board);
        services.AddSingleton<EventBus>();
        services.AddSingleton<IEventPublisher>(sp => sp.GetRequiredService<EventBus>());
        services.AddSingleton(sp => BoardAssembler.Assemble(
            board,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILoggerFactory>(),
            sp.GetRequiredService<IEventPublisher>()));
        // Created with the host (disposed by it): the GC pauses in /api/status count from start-up on.
        services.AddSingleton<GcPauseMonitor>();
        services.AddSingleton(sp => new GatewayRuntime(
            options.DeviceId ?? Environment.MachineName,
            Version,
            startedAt,
            sp.GetRequiredService<BoardRuntime>(),
            sp.GetRequiredService<EventBus>(),
            sp.GetRequiredService<TimeProvider>())
        {
            Diagnostics = { GcPauses = sp.GetRequiredService<GcPauseMonitor>() },
        });
        services.AddSingleton(sp => new BenchCardReaders(sp.GetRequiredService<BoardRuntime>(), sp.GetRequiredService<ILogger<BenchCardReaders>>()));
        services.AddSingleton<GatewaySip>();
        services.AddHostedService<StationService>();

        // Before the card service, so it stops after it: cards pulled on shutdown can still unregister.
        services.AddHostedService<SipService>();
        services.AddHostedService<CardService>();
        services.AddHostedService<ManagementApiService>();
        services.AddHostedService<WatchdogService>();

        // Registered last so it stops first: bench cards come out while the card service still reports removals.
        services.AddHostedService(sp => sp.GetRequiredService<BenchCardReaders>());
    }
}
