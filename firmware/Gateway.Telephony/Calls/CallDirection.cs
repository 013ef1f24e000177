using System.Text.Json.Serialization;

namespace Gateway.Telephony.Calls;

/// <summary>Which side placed a station call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CallDirection>))]
public enum CallDirection
{
    /// <summary>The station's user dialled it.</summary>
    Outbound = 0,

    /// <summary>It came in for a user at the station.</summary>
    Inbound,
}
