namespace Gateway.Ctl.Commands.Subscribers;

/// <summary>Exit codes of the <c>subscriber</c> commands (2, a usage error, is <see cref="GatewayCtlApp.UsageError"/>).</summary>
public static class SubscriberExitCodes
{
    /// <summary>The operation succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The operation failed: duplicate user or number, user not found, database error.</summary>
    public const int Failed = 1;
}
