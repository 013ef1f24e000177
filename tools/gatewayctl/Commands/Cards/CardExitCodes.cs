namespace Gateway.Ctl.Commands.Cards;

/// <summary>Exit codes of the <c>card</c> commands (2, a usage error, is <see cref="GatewayCtlApp.UsageError"/>).</summary>
public static class CardExitCodes
{
    /// <summary>The operation succeeded (for <c>verify</c>: every algorithm matched).</summary>
    public const int Ok = 0;

    /// <summary>The operation failed: unreadable card file, existing subscriber or file, card refused, digest mismatch.</summary>
    public const int Failed = 1;
}
