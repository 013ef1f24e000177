using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration.Json;

namespace Gateway.Host.Options;

/// <summary>
/// Turns options-validation failures into lines a technician can act on:
/// the file that set the value, the JSON path, and the problem.
/// </summary>
public static partial class ConfigurationErrorReporter
{
    /// <summary>Describes each failure as <c>file: $.Json.Path: problem</c>.</summary>
    /// <param name="failures">The failure messages from options validation.</param>
    /// <param name="configuration">The configuration the options were bound from.</param>
    /// <param name="sectionName">The options' section, e.g. <c>Gateway</c>.</param>
    /// <returns>One line per failure.</returns>
    public static IReadOnlyList<string> Describe(IEnumerable<string> failures, IConfigurationRoot configuration, string sectionName)
    {
        ArgumentNullException.ThrowIfNull(failures);
        ArgumentNullException.ThrowIfNull(configuration);
        var lines = new List<string>();
        foreach (var failure in failures)
        {
            var match = AnnotationFailure().Match(failure);
            if (!match.Success)
            {
                lines.Add($"configuration: $.{sectionName}: {failure}");
                continue;
            }

            // 'GatewayOptions.Api' + 'Port' → Gateway:Api:Port
            var typePath = match.Groups["type"].Value.Split('.').Skip(1);
            var key = string.Join(':', new[] { sectionName }.Concat(typePath).Append(match.Groups["member"].Value));
            var source = FindSource(configuration, key);
            var problem = match.Groups["error"].Value;
            lines.Add($"{source}: $.{key.Replace(':', '.')}: {problem}");
        }

        return lines;
    }

    /// <summary>Names the configuration source that supplied <paramref name="key"/> (the last one wins).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">A colon-separated key.</param>
    /// <returns>A file path, "command line", "environment" or "defaults".</returns>
    public static string FindSource(IConfigurationRoot configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (!provider.TryGet(key, out _))
            {
                continue;
            }

            return provider switch
            {
                JsonConfigurationProvider json => ResolvePath(json),
                _ when provider.GetType().Name.Contains("CommandLine", StringComparison.Ordinal) => "command line",
                _ when provider.GetType().Name.Contains("EnvironmentVariables", StringComparison.Ordinal) => "environment",
                _ => provider.ToString() ?? "configuration",
            };
        }

        return "defaults";
    }

    private static string ResolvePath(JsonConfigurationProvider provider)
    {
        var relative = provider.Source.Path ?? "appsettings.json";
        var info = provider.Source.FileProvider?.GetFileInfo(relative);
        return info?.PhysicalPath ?? relative;
    }

    [GeneratedRegex("for '(?<type>[^']+)' members: '(?<member>[^']+)' with the error: '(?<error>.*)'\\.?$", RegexOptions.Singleline)]
    private static partial Regex AnnotationFailure();
}
