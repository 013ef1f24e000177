using System.Text.Json.Serialization;

namespace Gateway.Ctl.Commands.Cards;

/// <summary>Source-generated JSON metadata, so --json needs no reflection.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(CardInfo))]
public sealed partial class CardJsonContext : JsonSerializerContext
{
    /// <summary>The same metadata without HTML-safe escaping, so "+15551234567" stays readable.</summary>
    public static CardJsonContext Plain { get; } = new(new System.Text.Json.JsonSerializerOptions
    {
        PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<Gateway.SmartCard.FilterAction>(), new JsonStringEnumConverter<Gateway.SmartCard.DaysOfWeekMask>() },
    });
}
