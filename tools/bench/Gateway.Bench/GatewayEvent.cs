using System.Text.Json;

namespace Gateway.Bench;

/// <summary>
/// One event from the gateway's SSE stream: its type, station, timestamp (Unix ms) and data, and when the bench
/// received it (<see cref="System.Diagnostics.Stopwatch"/> ticks).
/// </summary>
internal sealed record GatewayEvent(string Type, string? Station, long Ts, JsonElement Data)
{
    public long ReceivedAt { get; init; } = System.Diagnostics.Stopwatch.GetTimestamp();

    public string? Text(string property) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public override string ToString() => $"{Type} {Station} {(Data.ValueKind == JsonValueKind.Undefined ? string.Empty : Data.GetRawText())}";
}
