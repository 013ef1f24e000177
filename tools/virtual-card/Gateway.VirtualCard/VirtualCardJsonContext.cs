using System.Text.Json.Serialization;

namespace Gateway.VirtualCard;

/// <summary>Source-generated JSON metadata for <see cref="VirtualCardFile"/>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    WriteIndented = true,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(VirtualCardFile))]
public sealed partial class VirtualCardJsonContext : JsonSerializerContext;
