namespace Gateway.Codecs;

/// <summary>A payload or a frame a codec cannot work on (bad length, corrupt Opus packet).</summary>
public sealed class AudioCodecException : Exception
{
    /// <summary>Creates an exception with no message.</summary>
    public AudioCodecException()
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public AudioCodecException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception wrapping the codec library's own error.</summary>
    public AudioCodecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
