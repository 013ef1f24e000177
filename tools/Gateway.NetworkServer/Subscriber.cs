namespace Gateway.NetworkServer;

/// <summary>A provisioned subscriber as stored in the Kamailio database.</summary>
/// <param name="Username">SIP and digest username.</param>
/// <param name="Domain">Domain, equal to the digest realm.</param>
/// <param name="FollowMeNumber">E.164 follow-me number, or null if the account has none.</param>
/// <param name="DefaultDestination">Destination while away, or null.</param>
/// <param name="Ha1">MD5 of <c>user:realm:password</c>.</param>
/// <param name="Ha1Sha256">SHA-256 of <c>user:realm:password</c>.</param>
public sealed record Subscriber(
    string Username,
    string Domain,
    string? FollowMeNumber,
    string? DefaultDestination,
    string Ha1,
    string Ha1Sha256);
