namespace Gateway.SmartCard;

/// <summary>The card answered something the follow-me protocol does not allow (unexpected status word, short response).</summary>
public sealed class CardProtocolException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public CardProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">Details.</param>
    public CardProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the status word the card returned.</summary>
    /// <param name="message">Details.</param>
    /// <param name="statusWord">The SW1SW2 the card answered.</param>
    public CardProtocolException(string message, ushort statusWord)
        : base($"{message} (SW {statusWord:X4})")
    {
        StatusWord = statusWord;
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">Details.</param>
    /// <param name="innerException">The underlying cause.</param>
    public CardProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The status word the card answered, if the failure was a status word.</summary>
    public ushort? StatusWord { get; }
}
