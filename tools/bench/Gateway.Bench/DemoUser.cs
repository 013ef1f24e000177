namespace Gateway.Bench;

/// <summary>A demo subscriber with a card: the network server knows the password's HA1, the card holds it.</summary>
internal sealed record DemoUser(string Username, string Password, string FollowMeNumber, string DisplayName, string RingCadence);
