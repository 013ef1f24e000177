using Gateway.Host.Options;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Gateway.Host.Logging;

/// <summary>Builds the Serilog pipeline: console plus a rolling file, secrets masked, levels from configuration.</summary>
public static class SerilogSetup
{
    /// <summary>The folder used on a real device when none is configured.</summary>
    public const string DeviceLogDirectory = "/var/log/gateway";

    /// <summary>The folder used on the bench when none is configured.</summary>
    public const string BenchLogDirectory = "logs";

    /// <summary>Chooses the log folder: the configured one, else per board kind.</summary>
    /// <param name="options">The log file options.</param>
    /// <param name="simulatedBoard">Whether the board is the simulated bench.</param>
    /// <returns>An absolute folder path.</returns>
    public static string ResolveDirectory(LogFileOptions options, bool simulatedBoard)
    {
        ArgumentNullException.ThrowIfNull(options);
        var directory = string.IsNullOrWhiteSpace(options.Directory)
            ? (simulatedBoard ? BenchLogDirectory : DeviceLogDirectory)
            : options.Directory;
        return Path.GetFullPath(directory);
    }

    /// <summary>Configures <paramref name="logger"/>.</summary>
    /// <param name="logger">The configuration to fill in.</param>
    /// <param name="configuration">App configuration; its <c>Serilog:MinimumLevel</c> section sets levels (see <see cref="SerilogLevels"/>).</param>
    /// <param name="options">The log file options.</param>
    /// <param name="directory">The folder for the rolling files.</param>
    /// <returns>The same configuration.</returns>
    public static LoggerConfiguration Configure(LoggerConfiguration logger, IConfiguration configuration, LogFileOptions options, string directory)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(options);
        var path = Path.Combine(directory, "gateway-.log");
        logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information);
        foreach (var problem in SerilogLevels.Apply(logger, configuration))
        {
            // The logger is not built yet; stderr reaches the journal. The level keeps its default.
            Console.Error.WriteLine($"Invalid logging configuration: {problem}");
        }

        logger
            .Enrich.FromLogContext()
            .Enrich.With<SecretMaskingEnricher>()
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Error);
        if (options.Json)
        {
            logger.WriteTo.File(
                new CompactJsonFormatter(),
                path,
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: options.FileSizeLimitBytes,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: options.RetainedFileCount,
                flushToDiskInterval: TimeSpan.FromSeconds(1));
        }
        else
        {
            logger.WriteTo.File(
                path,
                outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {SourceContext} {Properties:j} {Message:lj}{NewLine}{Exception}",
                rollingInterval: RollingInterval.Day,
                fileSizeLimitBytes: options.FileSizeLimitBytes,
                rollOnFileSizeLimit: true,
                retainedFileCountLimit: options.RetainedFileCount,
                flushToDiskInterval: TimeSpan.FromSeconds(1));
        }

        return logger;
    }
}
