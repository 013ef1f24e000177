using System.Text.Json.Nodes;
using Gateway.Host.Cards;
using Gateway.Telephony.Stations;

namespace Gateway.Host.Api;

/// <summary>Body of <c>GET /api/status</c>.</summary>
/// <param name="DeviceId">The device id.</param>
/// <param name="Board">The board name.</param>
/// <param name="BoardDescription">The board's description.</param>
/// <param name="Simulated">Whether the board is simulated (bench routes available).</param>
/// <param name="Version">The firmware version.</param>
/// <param name="StartedAt">When the gateway started (UTC).</param>
/// <param name="UptimeSeconds">Seconds since start.</param>
/// <param name="Stations">Each station's state.</param>
/// <param name="Cards">The smart-card service: enabled, and whether pcscd is reachable.</param>
/// <param name="Sip">The SIP stack: running, where, or why not; null when the host has none.</param>
/// <param name="Runtime">GC pauses and the media clock's scheduling.</param>
public sealed record StatusResponse(
    string DeviceId,
    string Board,
    string? BoardDescription,
    bool Simulated,
    string Version,
    DateTimeOffset StartedAt,
    double UptimeSeconds,
    IReadOnlyList<StationSnapshot> Stations,
    CardServiceSnapshot Cards,
    SipStatus? Sip = null,
    RuntimeStatus? Runtime = null);

/// <summary>The SIP stack in <c>GET /api/status</c>.</summary>
/// <param name="Running">Whether it runs.</param>
/// <param name="Contact">The host:port the box's Contacts name.</param>
/// <param name="Problem">Why it does not run.</param>
public sealed record SipStatus(bool Running, string? Contact, string? Problem);

/// <summary>One event on the SSE stream (the <c>data:</c> line).</summary>
/// <param name="Type">Event name, e.g. <c>hook.off</c>.</param>
/// <param name="Station">Station id, or <see langword="null"/>.</param>
/// <param name="Ts">Unix milliseconds.</param>
/// <param name="Data">Event-specific fields.</param>
public sealed record EventEnvelope(string Type, string? Station, long Ts, JsonObject? Data);

/// <summary>Body of <c>POST /api/bench/stations/{id}/hook</c>.</summary>
/// <param name="OffHook">Lift (<see langword="true"/>) or hang up (<see langword="false"/>).</param>
public sealed record HookRequest(bool? OffHook);

/// <summary>Body of <c>POST /api/bench/stations/{id}/keys</c>.</summary>
/// <param name="Keys">Keys to press, from <c>0-9 * # A-D</c>.</param>
/// <param name="InterKeyDelayMs">Pause between keys; default 120 ms.</param>
public sealed record KeysRequest(string? Keys, int? InterKeyDelayMs);

/// <summary>Body of <c>POST /api/bench/stations/{id}/flash</c> (optional).</summary>
/// <param name="DurationMs">How long the hook is pressed; default 300 ms.</param>
public sealed record FlashRequest(int? DurationMs);

/// <summary>An accepted bench action.</summary>
/// <param name="Station">The station id.</param>
/// <param name="Action">What was done.</param>
public sealed record BenchResult(string Station, string Action);

/// <summary>An RFC 9457 problem body.</summary>
/// <param name="Type">Problem type URI.</param>
/// <param name="Title">Short summary.</param>
/// <param name="Status">HTTP status.</param>
/// <param name="Detail">What exactly went wrong.</param>
public sealed record ProblemBody(string Type, string Title, int Status, string Detail);
