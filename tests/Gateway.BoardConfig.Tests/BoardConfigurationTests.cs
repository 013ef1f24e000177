using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.BoardConfig.Tests.TestSupport;
using Json.Schema;

namespace Gateway.BoardConfig.Tests;

/// <summary>Keeps the C# model, the JSON schema and the shipped boards from drifting apart.</summary>
public sealed class BoardConfigurationTests
{
    private static readonly JsonDocumentOptions s_lenient = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static TheoryData<string> ShippedBoards => new() { "bench", "rpi4-ag1171", "rpi4-payphone", "rpi5-bay4" };

    [Fact]
    public void Schema_TopLevelProperties_MatchModel()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", schema.RootElement.GetProperty("$schema").GetString());
        Assert.Equal(JsonNames(typeof(BoardConfiguration)), SchemaNames(schema.RootElement));
    }

    [Fact]
    public void Schema_EverySection_MatchesModelAndDocumentsEachField()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile));
        var checkedTypes = new List<Type>();

        CheckSection(schema.RootElement, schema.RootElement, typeof(BoardConfiguration), "$", checkedTypes);

        // Every model class is reached, so a new section cannot be left out of the schema.
        var modelTypes = typeof(BoardConfiguration).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == "Gateway.BoardConfig" && (t.Name.EndsWith("Config", StringComparison.Ordinal) || t == typeof(BoardConfiguration)));
        Assert.Equal(modelTypes.OrderBy(t => t.Name), checkedTypes.Distinct().OrderBy(t => t.Name));
    }

    [Theory]
    [InlineData("gpio", "driver", nameof(DeviceKinds.GpioDrivers))]
    [InlineData("hook", "kind", nameof(DeviceKinds.HookKinds))]
    [InlineData("keypad", "kind", nameof(DeviceKinds.KeypadKinds))]
    [InlineData("keypad", "scanner", nameof(DeviceKinds.KeypadScanners))]
    [InlineData("ringer", "kind", nameof(DeviceKinds.RingerKinds))]
    [InlineData("slic", "kind", nameof(DeviceKinds.SlicKinds))]
    [InlineData("display", "kind", nameof(DeviceKinds.DisplayKinds))]
    [InlineData("coin", "kind", nameof(DeviceKinds.CoinKinds))]
    [InlineData("led", "kind", nameof(DeviceKinds.LedKinds))]
    [InlineData("audio", "kind", nameof(DeviceKinds.AudioKinds))]
    public void Schema_KindEnums_MatchDeviceKinds(string section, string property, string kindsProperty)
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepoPaths.SchemaFile));
        var kinds = (IEnumerable<string>)typeof(DeviceKinds).GetProperty(kindsProperty)!.GetValue(null)!;

        var schemaEnum = schema.RootElement.GetProperty("$defs").GetProperty(section).GetProperty("properties")
            .GetProperty(property).GetProperty("enum").EnumerateArray().Select(e => e.GetString());

        Assert.Equal(kinds, schemaEnum);
    }

    [Theory]
    [MemberData(nameof(ShippedBoards))]
    public void Schema_ShippedBoard_IsValidAgainstSchema(string board)
    {
        var results = Evaluate(File.ReadAllText(Path.Combine(RepoPaths.BoardDirectory, board + ".json")));

        Assert.True(results.IsValid, Describe(results));
    }

    [Fact]
    public void Schema_BoardWithUnknownKindAndTypo_IsRejectedBySchema()
    {
        // Proves the schema check above is not vacuous.
        var board = BoardJson.Valid();
        BoardJson.Station(board)["ringer"]!["kind"] = "bell";
        BoardJson.Station(board)["hook"]!["debounceMS"] = 30;

        Assert.False(Evaluate(board.ToJsonString()).IsValid);
    }

    [Theory]
    [MemberData(nameof(ShippedBoards))]
    public void Serialize_ShippedBoard_RoundTripsThroughSourceGeneratedContext(string board)
    {
        var path = Path.Combine(RepoPaths.BoardDirectory, board + ".json");
        var loaded = BoardConfigLoader.Load(path);

        var json = JsonSerializer.Serialize(loaded, BoardConfigJsonContext.Default.BoardConfiguration);
        var reloaded = BoardConfigLoader.Parse(json, path, BoardConfigLoader.DefaultRingCadences);

        Assert.Equal(json, JsonSerializer.Serialize(reloaded, BoardConfigJsonContext.Default.BoardConfiguration));
        Assert.StartsWith("{\n  \"$schema\": \"./board-config.schema.json\"", json.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void RingCadenceFor_StationOverride_WinsOverDefault()
    {
        var config = BoardConfigLoader.Load(Path.Combine(RepoPaths.BoardDirectory, "bench.json"));

        Assert.Equal("us-standard", config.RingCadenceFor(config.Stations[0]));
        Assert.Equal("distinctive-1", config.RingCadenceFor(config.Stations[1]));
    }

    private static void CheckSection(JsonElement root, JsonElement node, Type type, string where, List<Type> checkedTypes)
    {
        node = Resolve(root, node);
        checkedTypes.Add(type);
        Assert.True(node.TryGetProperty("additionalProperties", out var extra) && extra.ValueKind == JsonValueKind.False, $"{where}: schema must set additionalProperties false");
        Assert.True(type == typeof(BoardConfiguration) || node.TryGetProperty("description", out _), $"{where}: schema section has no description");
        Assert.Equal(JsonNames(type), SchemaNames(node));

        foreach (var property in ModelProperties(type))
        {
            var name = JsonName(property);
            var child = Resolve(root, node.GetProperty("properties").GetProperty(name));
            Assert.True(child.TryGetProperty("description", out _) || name == "kind", $"{where}.{name}: schema property has no description");
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsModel(propertyType))
            {
                CheckSection(root, child, propertyType, $"{where}.{name}", checkedTypes);
            }
            else if (propertyType.IsGenericType && IsModel(propertyType.GetGenericArguments()[0]))
            {
                CheckSection(root, child.GetProperty("items"), propertyType.GetGenericArguments()[0], $"{where}.{name}[]", checkedTypes);
            }
        }
    }

    private static JsonElement Resolve(JsonElement root, JsonElement node)
    {
        if (!node.TryGetProperty("$ref", out var reference))
        {
            return node;
        }

        var target = root;
        foreach (var segment in reference.GetString()!.TrimStart('#', '/').Split('/'))
        {
            target = target.GetProperty(segment);
        }

        // A $ref'd pin or cadence keeps its own description beside the $ref; prefer the local one.
        return node.TryGetProperty("description", out _) && !target.TryGetProperty("properties", out _) ? node : target;
    }

    private static bool IsModel(Type type) => type.Namespace == "Gateway.BoardConfig" && type.IsClass && type != typeof(string);

    private static IEnumerable<PropertyInfo> ModelProperties(Type type) =>
        type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite);

    private static string JsonName(PropertyInfo property) =>
        property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static List<string> JsonNames(Type type) => [.. ModelProperties(type).Select(JsonName).Order(StringComparer.Ordinal)];

    private static List<string> SchemaNames(JsonElement node) =>
        [.. node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal)];

    private static EvaluationResults Evaluate(string json)
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        var schema = JsonSchema.FromText(File.ReadAllText(RepoPaths.SchemaFile), options);
        using var instance = JsonDocument.Parse(json, s_lenient);
        return schema.Evaluate(instance.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Describe(EvaluationResults results) =>
        string.Join('\n', (results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
}
