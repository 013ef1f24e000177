using System.Text;

namespace Gateway.BoardConfig;

/// <summary>
/// Thrown when a board file is missing, unreadable, not valid JSON or fails validation.
/// The gateway must stop on it before touching hardware; <see cref="Exception.Message"/> lists every error.
/// </summary>
public sealed class BoardConfigException : Exception
{
    /// <summary>Initializes a new instance of the <see cref="BoardConfigException"/> class.</summary>
    public BoardConfigException()
        : this("Board configuration is invalid.")
    {
    }

    /// <summary>Initializes a new instance of the <see cref="BoardConfigException"/> class with a message and no itemised errors.</summary>
    /// <param name="message">The message.</param>
    public BoardConfigException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="BoardConfigException"/> class wrapping a cause.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public BoardConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance of the <see cref="BoardConfigException"/> class from the errors found.</summary>
    /// <param name="errors">The errors; at least one.</param>
    /// <param name="innerException">The JSON or I/O exception behind them, if any.</param>
    public BoardConfigException(IReadOnlyList<BoardConfigError> errors, Exception? innerException = null)
        : base(Summarize(errors), innerException)
    {
        Errors = errors;
    }

    /// <summary>Gets every error found, in file order where known.</summary>
    public IReadOnlyList<BoardConfigError> Errors { get; }

    private static string Summarize(IReadOnlyList<BoardConfigError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var file = errors.Count > 0 ? errors[0].File : "(unknown file)";
        var text = new StringBuilder()
            .Append("Board configuration ").Append(file).Append(" is invalid (")
            .Append(errors.Count).Append(errors.Count == 1 ? " error):" : " errors):");
        foreach (var error in errors)
        {
            text.Append('\n').Append("  ").Append(error);
        }

        return text.ToString();
    }
}
