using System.Text.Json.Serialization;

namespace Gateway.Ctl.Commands.Sip;

/// <summary>Source-generated JSON metadata, so --json needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SipLintReport))]
public sealed partial class SipLintJsonContext : JsonSerializerContext
{
}
