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
            // Source-generated validators report "Member: message", and name the full path inside the
            // message ("The field GatewayOptions.Api.Port must be ..."); custom messages may not.
            var match = MemberFailure().Match(failure);
            if (!match.Success)
            {
                lines.Add($"configuration: $.{sectionName}: {failure}");
                continue;
            }

            var member = match.Groups["member"].Value;
            var problem = match.Groups["error"].Value;
            var path = member;
            foreach (Match qualified in QualifiedMember().Matches(problem))
            {
                var candidate = qualified.Groups["path"].Value;
                if (candidate == member || candidate.EndsWith("." + member, StringComparison.Ordinal))
                {
                    path = candidate;
                    break;
                }
            }

            var key = $"{sectionName}:{path.Replace('.', ':')}";
            lines.Add($"{FindSource(configuration, key)}: $.{key.Replace(':', '.')}: {problem}");
        }

        return lines;
    }

    /// <summary>Names the configuration source that supplied <paramref name="key"/> (the last one wins).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="key">A colon-separated key.</param>
    /// <returns>A file path, "command line", "environment", or "(not set)" when no source has the key.</returns>
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

        return "(not set)";
    }

    private static string ResolvePath(JsonConfigurationProvider provider)
    {
        var relative = provider.Source.Path ?? "appsettings.json";
        var info = provider.Source.FileProvider?.GetFileInfo(relative);
        return info?.PhysicalPath ?? relative;
    }

    [GeneratedRegex("^(?<member>[A-Za-z0-9_]+): (?<error>.*)$", RegexOptions.Singleline)]
    private static partial Regex MemberFailure();

    [GeneratedRegex("GatewayOptions\\.(?<path>[A-Za-z0-9_.]*[A-Za-z0-9_])")]
    private static partial Regex QualifiedMember();
}
