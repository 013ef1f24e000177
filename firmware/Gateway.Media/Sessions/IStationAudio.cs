using Gateway.Dsp.Tones;

namespace Gateway.Media.Sessions;

/// <summary>
/// The audio path of one station: it owns the station's audio device and its 20 ms clock, and decides what the
/// handset hears: a local tone (dial tone, ringback, busy, reorder), the call's RTP, or silence.
/// </summary>
public interface IStationAudio : IAsyncDisposable
{
    /// <summary>Raised for each DTMF digit detected in-band on the handset's audio (analog phones on an FXS port).</summary>
    event EventHandler<char>? DigitDetected;

    /// <summary>Raised when a fax tone (CNG or CED) is detected on the handset's audio; the value is "CNG" or "CED".</summary>
    event EventHandler<string>? FaxToneDetected;

    /// <summary>Plays a tone of the board's tone plan to the handset until <see cref="StopTone"/> or a call starts.</summary>
    /// <param name="kind">The tone.</param>
    void PlayTone(ToneKind kind);

    /// <summary>Stops the local tone, if any.</summary>
    void StopTone();

    /// <summary>
    /// Tells the audio path whether the handset is off-hook. Off-hook, the handset's audio is captured (in-band DTMF,
    /// fax tones) and played out even in silence; on-hook with no call, tone or caller ID, the path is idle.
    /// </summary>
    /// <param name="offHook">The reported hook state.</param>
    void SetOffHook(bool offHook);

    /// <summary>Sends on-hook caller ID as FSK to an analog phone (between the first and second ring); no-op without an FXS port.</summary>
    /// <param name="number">The calling number.</param>
    /// <param name="name">The calling name, if known.</param>
    /// <param name="time">The call's local time.</param>
    void SendCallerId(string number, string? name, DateTimeOffset time);

    /// <summary>Creates the media of a new call on this station; the handset hears it once it starts.</summary>
    /// <param name="codecPreferences">Codec names by preference: the card's first, then the board's defaults.</param>
    /// <returns>The call media; dispose it when the call ends.</returns>
    ICallMedia CreateCallMedia(IReadOnlyList<string> codecPreferences);
}
