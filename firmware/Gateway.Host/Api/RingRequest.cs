namespace Gateway.Host.Api;

/// <summary>Body of <c>POST /api/bench/stations/{id}/ring</c> (optional).</summary>
/// <param name="Cadence">A cadence name such as <c>us-standard</c>; default the station's own from the board file.</param>
public sealed record RingRequest(string? Cadence);
