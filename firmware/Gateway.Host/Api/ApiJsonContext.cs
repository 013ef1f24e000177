using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Host.Api;

/// <summary>Source-generated JSON for the management API: no reflection, trim- and AOT-safe.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(StatusResponse))]
[JsonSerializable(typeof(EventEnvelope))]
[JsonSerializable(typeof(HookRequest))]
[JsonSerializable(typeof(KeysRequest))]
[JsonSerializable(typeof(FlashRequest))]
[JsonSerializable(typeof(BenchResult))]
[JsonSerializable(typeof(CardRequest))]
[JsonSerializable(typeof(BenchCardResult))]
[JsonSerializable(typeof(ProblemBody))]
[JsonSerializable(typeof(RingRequest))]
[JsonSerializable(typeof(List<BenchCardFile>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
