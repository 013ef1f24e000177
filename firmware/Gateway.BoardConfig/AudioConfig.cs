namespace Gateway.BoardConfig;

/// <summary>A station's audio path: an ALSA device, WAV files (bench), or nothing.</summary>
public sealed class AudioConfig
{
    /// <summary>Gets the kind: <c>alsa</c>, <c>wav</c> or <c>null</c> (see <see cref="DeviceKinds.AudioKinds"/>).</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Gets the ALSA device name, e.g. <c>plughw:1,0</c>; required for <c>alsa</c>, unique on the board.</summary>
    public string? Device { get; set; }

    /// <summary>Gets the ALSA period in ms, 5..100; default 20.</summary>
    public int PeriodMs { get; set; } = 20;

    /// <summary>Gets the WAV file played as the microphone (<c>wav</c>); relative paths are from the working directory.</summary>
    public string? Source { get; set; }

    /// <summary>Gets the WAV file the earpiece audio is written to (<c>wav</c>); unique on the board.</summary>
    public string? Sink { get; set; }
}
