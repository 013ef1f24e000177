using System.Runtime.InteropServices;

namespace Gateway.Media.Devices.Alsa;

/// <summary>Our own binding of the few libasound calls a blocking 16-bit mono PCM needs.</summary>
internal static partial class AlsaNative
{
    /// <summary>SND_PCM_STREAM_PLAYBACK.</summary>
    public const int StreamPlayback = 0;

    /// <summary>SND_PCM_STREAM_CAPTURE.</summary>
    public const int StreamCapture = 1;

    /// <summary>SND_PCM_FORMAT_S16_LE.</summary>
    public const int FormatS16Le = 2;

    /// <summary>SND_PCM_ACCESS_RW_INTERLEAVED.</summary>
    public const int AccessRwInterleaved = 3;

    /// <summary>-EPIPE: an underrun (playback) or overrun (capture).</summary>
    public const int ErrorPipe = -32;

    private const string Library = "libasound.so.2";

    [LibraryImport(Library, EntryPoint = "snd_pcm_open", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int PcmOpen(out nint pcm, string name, int stream, int mode);

    [LibraryImport(Library, EntryPoint = "snd_pcm_set_params")]
    public static partial int PcmSetParams(nint pcm, int format, int access, uint channels, uint rate, int softResample, uint latencyUs);

    [LibraryImport(Library, EntryPoint = "snd_pcm_readi")]
    public static unsafe partial nint PcmReadi(nint pcm, short* buffer, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_writei")]
    public static unsafe partial nint PcmWritei(nint pcm, short* buffer, nuint frames);

    [LibraryImport(Library, EntryPoint = "snd_pcm_recover")]
    public static partial int PcmRecover(nint pcm, int error, int silent);

    [LibraryImport(Library, EntryPoint = "snd_pcm_close")]
    public static partial int PcmClose(nint pcm);

    [LibraryImport(Library, EntryPoint = "snd_strerror")]
    public static partial nint StrError(int error);

    public static string Describe(int error) => Marshal.PtrToStringUTF8(StrError(error)) ?? $"ALSA error {error}";
}
