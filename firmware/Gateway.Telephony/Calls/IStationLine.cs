using System.Text.Json.Nodes;
using Gateway.Hardware;

namespace Gateway.Telephony.Calls;

/// <summary>What the call logic may do to its station: ring, show, publish, and queue work on the station's loop.</summary>
internal interface IStationLine
{
    /// <summary>Gets the station id.</summary>
    string Id { get; }

    /// <summary>Gets a value indicating whether the handset is off-hook now (the switch, not the last event).</summary>
    bool IsOffHook { get; }

    /// <summary>Gets the idle text of the board file.</summary>
    IReadOnlyList<string> IdleText { get; }

    /// <summary>Starts ringing unless off-hook.</summary>
    bool Ring(RingCadence cadence);

    /// <summary>Stops ringing.</summary>
    void StopRinging();

    /// <summary>Shows lines on the display.</summary>
    void ShowDisplay(IReadOnlyList<string> lines);

    /// <summary>Publishes a station event.</summary>
    void Publish(string type, JsonObject? data);

    /// <summary>Runs <paramref name="work"/> on the station's loop, after the work already queued.</summary>
    void Post(Action work);
}
