namespace Gateway.Ctl.Commands.Field;

/// <summary>What happened to one device.</summary>
/// <param name="Host">The device.</param>
/// <param name="Outcome">installed, checked (dry run), rolled-back, failed or unreachable.</param>
/// <param name="Version">The package version now running, if known.</param>
/// <param name="Previous">The version installed before, if any.</param>
/// <param name="Seconds">Time taken.</param>
/// <param name="Message">One line: what went wrong, or the summary.</param>
/// <param name="Hint">What to do, for failures.</param>
public sealed record FlashResult(string Host, string Outcome, string? Version, string? Previous, double Seconds, string Message, string? Hint = null)
{
    /// <summary>The exit code this result maps to.</summary>
    public int ExitCode => Outcome switch
    {
        "installed" or "checked" => FieldExitCodes.Ok,
        "rolled-back" => FieldExitCodes.RolledBack,
        "unreachable" => FieldExitCodes.Unreachable,
        _ => FieldExitCodes.Failed,
    };
}
