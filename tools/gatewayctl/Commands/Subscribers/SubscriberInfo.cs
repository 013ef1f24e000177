namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>A subscriber as printed by gatewayctl: never any HA1.</summary>
/// <param name="User">SIP username.</param>
/// <param name="Realm">Digest realm (subscriber domain).</param>
/// <param name="FollowMeNumber">E.164 follow-me number, or null.</param>
/// <param name="DefaultDestination">Destination while away, or null.</param>
public sealed record SubscriberInfo(string User, string Realm, string? FollowMeNumber, string? DefaultDestination)
{
    /// <summary>Copies the printable fields of a stored subscriber.</summary>
    /// <param name="subscriber">The stored subscriber.</param>
    /// <returns>The printable view.</returns>
    public static SubscriberInfo From(NetworkServer.Subscriber subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        return new(subscriber.Username, subscriber.Domain, subscriber.FollowMeNumber, subscriber.DefaultDestination);
    }
}
