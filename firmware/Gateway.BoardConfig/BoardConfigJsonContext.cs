using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.BoardConfig;

/// <summary>
/// Source-generated (reflection-free, trim and AOT safe) JSON metadata for board files.
/// Comments and trailing commas are allowed; unknown properties and nulls in non-nullable
/// properties are rejected so that typos fail at load instead of being silently ignored.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    RespectNullableAnnotations = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = true)]
[JsonSerializable(typeof(BoardConfiguration))]
public sealed partial class BoardConfigJsonContext : JsonSerializerContext;
