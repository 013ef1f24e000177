namespace Gateway.Telephony.DialPlans;

/// <summary>A digit map that cannot be parsed: where in the text, and why.</summary>
public sealed class DigitMapException : FormatException
{
    /// <summary>Initializes a new instance of the <see cref="DigitMapException"/> class.</summary>
    public DigitMapException()
        : this("invalid digit map", 0)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DigitMapException"/> class.</summary>
    /// <param name="message">The reason.</param>
    public DigitMapException(string message)
        : this(message, 0)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="DigitMapException"/> class.</summary>
    /// <param name="message">The reason.</param>
    /// <param name="innerException">The cause.</param>
    public DigitMapException(string message, Exception innerException)
        : base(message, innerException)
    {
        Reason = message;
    }

    /// <summary>Initializes a new instance of the <see cref="DigitMapException"/> class.</summary>
    /// <param name="reason">Why the map is invalid, e.g. "range [9-2] is reversed".</param>
    /// <param name="position">The 0-based character index in the map text where the problem is.</param>
    public DigitMapException(string reason, int position)
        : base($"digit map error at position {position}: {reason}")
    {
        Reason = reason;
        Position = position;
    }

    /// <summary>Gets the 0-based character index in the map text where the problem is.</summary>
    public int Position { get; }

    /// <summary>Gets why the map is invalid, without the position.</summary>
    public string Reason { get; }
}
