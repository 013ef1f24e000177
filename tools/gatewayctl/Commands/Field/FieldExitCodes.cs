namespace Gateway.Ctl.Commands.Field;

/// <summary>Exit codes of <c>package</c>, <c>flash</c>, <c>status</c>, <c>logs</c> and <c>events</c> (2 is <see cref="GatewayCtlApp.UsageError"/>).</summary>
public static class FieldExitCodes
{
    /// <summary>The operation succeeded.</summary>
    public const int Ok = 0;

    /// <summary>The operation failed: build or dpkg-deb error, device refused, install or health check failed.</summary>
    public const int Failed = 1;

    /// <summary>The device could not be reached or logged into (network, host key, user key).</summary>
    public const int Unreachable = 3;

    /// <summary><c>flash</c>: the new package failed its health check and the previous one was restored.</summary>
    public const int RolledBack = 4;
}
