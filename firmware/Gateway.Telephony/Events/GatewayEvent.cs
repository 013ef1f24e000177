using System.Text.Json.Nodes;

namespace Gateway.Telephony.Events;

/// <summary>
/// One state change of the box, as it appears on the management API's event stream
/// (for example <c>hook.off</c>, <c>ring.start</c>, <c>card.inserted</c>).
/// </summary>
/// <param name="Type">Dotted event name; stable, since outside harnesses build on it.</param>
/// <param name="StationId">The station the event belongs to, or <see langword="null"/> for box-wide events.</param>
/// <param name="Timestamp">When it happened.</param>
/// <param name="Data">Event-specific fields, or <see langword="null"/>. Never holds a secret.</param>
public sealed record GatewayEvent(string Type, string? StationId, DateTimeOffset Timestamp, JsonObject? Data = null)
{
    /// <summary>Gets the timestamp in Unix milliseconds, the form the API publishes.</summary>
    public long TimestampMs => Timestamp.ToUnixTimeMilliseconds();
}
