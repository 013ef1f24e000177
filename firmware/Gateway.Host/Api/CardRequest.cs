namespace Gateway.Host.Api;

/// <summary>Body of <c>POST /api/bench/readers/{id}/card</c>.</summary>
/// <param name="CardFile">Path of a virtual card file (tools/virtual-card format), absolute or relative to the gateway's working directory.</param>
public sealed record CardRequest(string? CardFile);
