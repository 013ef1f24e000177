namespace Gateway.NetworkServer;

/// <summary>What an operator provides to create a subscriber account.</summary>
/// <param name="Username">SIP username, also the digest username (letters, digits, <c>._-</c>).</param>
/// <param name="Password">Clear-text password; only its HA1 values are stored.</param>
/// <param name="FollowMeNumber">The user's follow-me number, in any form <see cref="Gateway.NetworkServer.FollowMeNumber"/> accepts.</param>
/// <param name="DefaultDestination">Where calls go while no phone holds the card: a <c>sip:</c> URI (e.g. voicemail) or a number; null for none (480).</param>
public sealed record NewSubscriber(string Username, string Password, string FollowMeNumber, string? DefaultDestination = null);
