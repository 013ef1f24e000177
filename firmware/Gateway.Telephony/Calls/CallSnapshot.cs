using Gateway.Media.Sessions;

namespace Gateway.Telephony.Calls;

/// <summary>A station call as /api/status shows it.</summary>
/// <param name="Direction">Outbound or inbound.</param>
/// <param name="State">The phase.</param>
/// <param name="RemoteParty">The number dialled, or the caller (number, or name and number).</param>
/// <param name="ForUser">The card user the call is for or billed to; null in pay-phone mode.</param>
/// <param name="ForNumber">That user's follow-me number; null in pay-phone mode.</param>
/// <param name="Codec">The negotiated codec, or null before the answer.</param>
/// <param name="DurationMs">Milliseconds since the answer; 0 before.</param>
/// <param name="Media">The media counters (jitter buffer, loss), or null before media exists.</param>
public sealed record CallSnapshot(
    CallDirection Direction,
    StationCallState State,
    string RemoteParty,
    string? ForUser,
    string? ForNumber,
    string? Codec,
    long DurationMs,
    CallMediaStatus? Media);
