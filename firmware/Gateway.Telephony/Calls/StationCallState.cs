using System.Text.Json.Serialization;

namespace Gateway.Telephony.Calls;

/// <summary>The phase of a station call.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StationCallState>))]
public enum StationCallState
{
    /// <summary>Outbound: INVITE sent, no answer yet.</summary>
    Calling = 0,

    /// <summary>Outbound: the far end alerts (the caller hears ringback).</summary>
    RemoteRinging,

    /// <summary>Inbound: the station rings.</summary>
    Alerting,

    /// <summary>Answered: audio is bridged.</summary>
    Connected,

    /// <summary>Over.</summary>
    Ended,

    /// <summary>Inbound with a late offer: our 200 carried the offer, the answer is awaited in the ACK (no audio yet).</summary>
    Answering,
}
