namespace Gateway.Host.Cards;

/// <summary>The card service's state in <c>GET /api/status</c>.</summary>
/// <param name="Enabled">Whether cards are watched at all (<c>Gateway:Cards:Enabled</c>).</param>
/// <param name="Available">Whether pcscd is reachable; absent until the first attempt and when disabled.</param>
/// <param name="Detail">Why the service is unavailable (a PC/SC error, or no library); absent when available.</param>
public sealed record CardServiceSnapshot(bool Enabled, bool? Available, string? Detail);
