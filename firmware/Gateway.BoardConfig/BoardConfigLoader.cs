using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Gateway.BoardConfig;

/// <summary>Finds, reads, deserializes and validates board files.</summary>
public static partial class BoardConfigLoader
{
    /// <summary>Gets the ring cadence names the loader accepts unless the host passes its own list.</summary>
    public static ImmutableArray<string> DefaultRingCadences { get; } =
        ["us-standard", "uk-double", "distinctive-1", "distinctive-2", "distinctive-3", "short-short"];

    /// <summary>Loads and validates a board file, accepting <see cref="DefaultRingCadences"/>.</summary>
    /// <param name="path">The board file.</param>
    /// <returns>The valid configuration.</returns>
    /// <exception cref="BoardConfigException">The file is missing, unreadable, not valid JSON, or invalid.</exception>
    public static BoardConfiguration Load(string path) => Load(path, DefaultRingCadences);

    /// <summary>Loads and validates a board file.</summary>
    /// <param name="path">The board file.</param>
    /// <param name="knownRingCadences">The ring cadence names the hardware layer implements.</param>
    /// <returns>The valid configuration.</returns>
    /// <exception cref="BoardConfigException">The file is missing, unreadable, not valid JSON, or invalid.</exception>
    public static BoardConfiguration Load(string path, IReadOnlyCollection<string> knownRingCadences) =>
        Load(path, knownRingCadences, dialPlanValidator: null);

    /// <summary>Loads and validates a board file, checking <c>dialPlan</c> with the telephony layer's parser.</summary>
    /// <param name="path">The board file.</param>
    /// <param name="knownRingCadences">The ring cadence names the hardware layer implements.</param>
    /// <param name="dialPlanValidator">
    /// Checks the <c>dialPlan</c> text: null when valid, else the reason (with its position in the map). The board
    /// library cannot parse dial plans itself without depending on the telephony layer, so the host passes it in.
    /// </param>
    /// <returns>The valid configuration.</returns>
    /// <exception cref="BoardConfigException">The file is missing, unreadable, not valid JSON, or invalid.</exception>
    public static BoardConfiguration Load(string path, IReadOnlyCollection<string> knownRingCadences, Func<string, string?>? dialPlanValidator)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            throw Single(path, $"board file not found (full path: {Path.GetFullPath(path)})", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Single(path, $"board file cannot be read: {ex.Message}", ex);
        }

        return Parse(json, path, knownRingCadences, dialPlanValidator);
    }

    /// <summary>Deserializes and validates board JSON that was read elsewhere.</summary>
    /// <param name="json">The file content.</param>
    /// <param name="file">The file name, used in errors and for the board-name check.</param>
    /// <param name="knownRingCadences">The ring cadence names the hardware layer implements.</param>
    /// <returns>The valid configuration.</returns>
    /// <exception cref="BoardConfigException">The JSON is not valid or the configuration is invalid.</exception>
    public static BoardConfiguration Parse(string json, string file, IReadOnlyCollection<string> knownRingCadences) =>
        Parse(json, file, knownRingCadences, dialPlanValidator: null);

    /// <summary>Deserializes and validates board JSON that was read elsewhere, checking <c>dialPlan</c> too.</summary>
    /// <param name="json">The file content.</param>
    /// <param name="file">The file name, used in errors and for the board-name check.</param>
    /// <param name="knownRingCadences">The ring cadence names the hardware layer implements.</param>
    /// <param name="dialPlanValidator">Checks the <c>dialPlan</c> text: null when valid, else the reason.</param>
    /// <returns>The valid configuration.</returns>
    /// <exception cref="BoardConfigException">The JSON is not valid or the configuration is invalid.</exception>
    public static BoardConfiguration Parse(string json, string file, IReadOnlyCollection<string> knownRingCadences, Func<string, string?>? dialPlanValidator)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(file);
        BoardConfiguration? config;
        try
        {
            config = JsonSerializer.Deserialize(json, BoardConfigJsonContext.Default.BoardConfiguration);
        }
        catch (JsonException ex)
        {
            throw new BoardConfigException([FromJsonException(file, ex)], ex);
        }

        if (config is null)
        {
            throw Single(file, "the file holds JSON null; expected a board object", null);
        }

        var errors = BoardConfigValidator.Validate(config, file, knownRingCadences, dialPlanValidator);
        return errors.Count == 0 ? config : throw new BoardConfigException(errors);
    }

    /// <summary>
    /// Turns a board name or path into a file path: a bare name such as <c>bench</c> means
    /// <c>&lt;boardDirectory&gt;/bench.json</c>; anything with a directory separator or a <c>.json</c> ending is a path.
    /// </summary>
    /// <param name="boardNameOrPath">A board name or a path to a board file.</param>
    /// <param name="boardDirectory">The directory holding the shipped boards.</param>
    /// <returns>The full path of an existing board file.</returns>
    /// <exception cref="BoardConfigException">No such board; the message lists the available ones.</exception>
    public static string Resolve(string boardNameOrPath, string boardDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(boardNameOrPath);
        ArgumentNullException.ThrowIfNull(boardDirectory);
        var isPath = boardNameOrPath.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
            || boardNameOrPath.Contains('/', StringComparison.Ordinal)
            || boardNameOrPath.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal);
        var path = Path.GetFullPath(isPath ? boardNameOrPath : Path.Combine(boardDirectory, boardNameOrPath + ".json"));
        if (File.Exists(path))
        {
            return path;
        }

        var available = AvailableBoards(boardDirectory);
        var list = available.Count == 0 ? "none found" : string.Join(", ", available);
        var what = isPath ? "board file not found" : $"unknown board '{boardNameOrPath}'";
        throw Single(path, $"{what}; available boards in {Path.GetFullPath(boardDirectory)}: {list}", null);
    }

    /// <summary>Lists the board names (file names without <c>.json</c>) in a directory, sorted.</summary>
    /// <param name="boardDirectory">The directory holding board files.</param>
    /// <returns>The names; empty when the directory does not exist. The schema file is not a board.</returns>
    public static IReadOnlyList<string> AvailableBoards(string boardDirectory)
    {
        ArgumentNullException.ThrowIfNull(boardDirectory);
        if (!Directory.Exists(boardDirectory))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(boardDirectory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.OrdinalIgnoreCase))
            .Select(f => Path.GetFileNameWithoutExtension(f))
            .Order(StringComparer.Ordinal)];
    }

    private static BoardConfigException Single(string file, string message, Exception? inner) =>
        new([new BoardConfigError(file, "$", message)], inner);

    private static BoardConfigError FromJsonException(string file, JsonException ex)
    {
        // System.Text.Json appends "Path: … | LineNumber: … | BytePositionInLine: …"; we report those as fields instead.
        var text = TrailerPattern().Replace(ex.Message, string.Empty).Trim();
        var unmapped = UnmappedPattern().Match(text);
        var converted = ConversionPattern().Match(text);
        if (unmapped.Success)
        {
            text = $"unknown property '{unmapped.Groups["name"].Value}' (check the spelling; names are camelCase)";
        }
        else if (text.Contains("doesn't allow setting null values", StringComparison.Ordinal))
        {
            text = "null is not allowed here; give a value or leave the property out";
        }
        else if (converted.Success)
        {
            text = $"wrong JSON type: expected {FriendlyType(converted.Groups["type"].Value)}";
        }

        var location = ex.LineNumber is { } line
            ? $" (line {line + 1}, column {(ex.BytePositionInLine ?? 0) + 1})"
            : string.Empty;
        var path = ex.Path ?? "$";
        if (unmapped.Success && !path.EndsWith("." + unmapped.Groups["name"].Value, StringComparison.Ordinal))
        {
            path = path + "." + unmapped.Groups["name"].Value;
        }

        return new BoardConfigError(file, path, text + location);
    }

    private static string FriendlyType(string clrType) => clrType switch
    {
        _ when clrType.Contains("List", StringComparison.Ordinal) => "an array",
        _ when clrType.Contains("Int32", StringComparison.Ordinal) => "an integer",
        _ when clrType.Contains("Double", StringComparison.Ordinal) => "a number",
        _ when clrType.Contains("Boolean", StringComparison.Ordinal) => "true or false",
        _ when clrType.Contains("String", StringComparison.Ordinal) => "a string",
        _ => "an object",
    };

    [GeneratedRegex(@"\s*Path: .*$", RegexOptions.Singleline)]
    private static partial Regex TrailerPattern();

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex UnmappedPattern();

    [GeneratedRegex(@"could not be converted to (?<type>\S+?)\.?$")]
    private static partial Regex ConversionPattern();
}
