namespace Gateway.Ctl.Commands.Field;

/// <summary>A failure the user can act on: one error line, one hint line and the exit code to end with.</summary>
public sealed class FieldException : Exception
{
    /// <summary>Creates the failure.</summary>
    /// <param name="message">What went wrong, one line.</param>
    /// <param name="hint">What to do about it, one line.</param>
    /// <param name="exitCode">The exit code, one of <see cref="FieldExitCodes"/>.</param>
    public FieldException(string message, string hint, int exitCode = FieldExitCodes.Failed)
        : base(message)
    {
        Hint = hint;
        ExitCode = exitCode;
    }

    /// <summary>Creates a failure with no hint (prefer the other constructor).</summary>
    public FieldException()
        : this("field tool failure", "see the output above")
    {
    }

    /// <summary>Creates a failure with a default hint.</summary>
    /// <param name="message">What went wrong.</param>
    public FieldException(string message)
        : this(message, "see the output above")
    {
    }

    /// <summary>Creates a failure wrapping another.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public FieldException(string message, Exception innerException)
        : base(message, innerException)
    {
        Hint = "see the output above";
        ExitCode = FieldExitCodes.Failed;
    }

    /// <summary>What to do about it.</summary>
    public string Hint { get; }

    /// <summary>The exit code.</summary>
    public int ExitCode { get; }
}
