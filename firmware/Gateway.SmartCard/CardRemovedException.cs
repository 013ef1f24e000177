namespace Gateway.SmartCard;

/// <summary>The card was removed (or reset by someone else) while the gateway was talking to it.</summary>
public sealed class CardRemovedException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public CardRemovedException()
        : base("The card was removed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Details.</param>
    public CardRemovedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">Details.</param>
    /// <param name="innerException">The underlying cause.</param>
    public CardRemovedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
