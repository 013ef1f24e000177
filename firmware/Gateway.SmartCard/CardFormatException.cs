namespace Gateway.SmartCard;

/// <summary>
/// Thrown by the card-side decoders (BER-TLV, APDU, account record) when bytes are truncated or malformed.
/// It is the only exception those decoders raise for bad input.
/// </summary>
public sealed class CardFormatException : Exception
{
    /// <summary>Creates the exception with no message.</summary>
    public CardFormatException()
    {
    }

    /// <summary>Creates the exception with a message describing what was wrong.</summary>
    /// <param name="message">What was wrong with the input.</param>
    public CardFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception wrapping another.</summary>
    /// <param name="message">What was wrong with the input.</param>
    /// <param name="innerException">The underlying cause.</param>
    public CardFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
