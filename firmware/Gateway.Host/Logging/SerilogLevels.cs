using Serilog;
using Serilog.Events;

namespace Gateway.Host.Logging;

/// <summary>
/// Reads the <c>Serilog:MinimumLevel</c> section (a level, or <c>Default</c> plus <c>Override</c> per source) in
/// code. Serilog.Settings.Configuration would do it by reflection over sink assemblies, which NativeAOT cannot keep;
/// sinks therefore come from <see cref="SerilogSetup"/> only, not from configuration.
/// </summary>
public static class SerilogLevels
{
    /// <summary>Applies the configured levels to a logger configuration.</summary>
    /// <param name="logger">The logger configuration.</param>
    /// <param name="configuration">App configuration.</param>
    /// <returns>The problems found (unknown level names), as "path: reason"; the defaults stay for those.</returns>
    public static IReadOnlyList<string> Apply(LoggerConfiguration logger, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentNullException.ThrowIfNull(configuration);
        var problems = new List<string>();
        var section = configuration.GetSection("Serilog:MinimumLevel");
        if (Parse(section.Path, section.Value, problems) is { } whole)
        {
            logger.MinimumLevel.Is(whole);
        }

        var fallback = section.GetSection("Default");
        if (Parse(fallback.Path, fallback.Value, problems) is { } level)
        {
            logger.MinimumLevel.Is(level);
        }

        foreach (var source in section.GetSection("Override").GetChildren())
        {
            if (Parse(source.Path, source.Value, problems) is { } sourceLevel)
            {
                logger.MinimumLevel.Override(source.Key, sourceLevel);
            }
        }

        return problems;
    }

    private static LogEventLevel? Parse(string path, string? value, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Enum.TryParse<LogEventLevel>(value.Trim(), ignoreCase: true, out var level) && Enum.IsDefined(level))
        {
            return level;
        }

        problems.Add($"{path}: '{value}' is not a level (Verbose, Debug, Information, Warning, Error, Fatal)");
        return null;
    }
}
