namespace Gateway.Media;

/// <summary>An audio device could not be opened or failed (no sound card, bad WAV file, ALSA error).</summary>
public sealed class AudioDeviceException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AudioDeviceException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AudioDeviceException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and cause.</summary>
    public AudioDeviceException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
