using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Source-generated JSON metadata, so --json needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SubscriberInfo))]
[JsonSerializable(typeof(SubscriberInfo[]))]
[JsonSerializable(typeof(SubscriberRemoval))]
public sealed partial class SubscriberJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The same metadata without HTML-safe escaping: the output goes to terminals and scripts, where
    /// "+15551234567" reads better than "\u002B15551234567".
    /// </summary>
    public static SubscriberJsonContext Plain { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
