using System.Text.Json.Serialization;

namespace Gateway.Ctl.Commands.Field;

/// <summary>Source-generated JSON for the field commands' <c>--json</c> output (one line per result).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DebPackage))]
[JsonSerializable(typeof(FlashResult))]
[JsonSerializable(typeof(FlashResult[]))]
internal sealed partial class FieldJsonContext : JsonSerializerContext;
