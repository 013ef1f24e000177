using System.Collections.Immutable;

namespace Gateway.BoardConfig;

/// <summary>The <c>kind</c> (and GPIO <c>driver</c>) values a board file may use, per section.</summary>
public static class DeviceKinds
{
    /// <summary>A device wired to GPIO pins (hook, coin, LED).</summary>
    public const string Gpio = "gpio";

    /// <summary>A hook or ringer provided by the station's SLIC.</summary>
    public const string Slic = "slic";

    /// <summary>A keypad scanned as a row/column matrix.</summary>
    public const string Matrix = "matrix";

    /// <summary>A device simulated in software (bench); also the simulated GPIO driver.</summary>
    public const string Simulated = "simulated";

    /// <summary>A keypad whose digits arrive as in-band DTMF (and pulses) on an FXS line.</summary>
    public const string Dtmf = "dtmf";

    /// <summary>A ringer driven through a relay on a GPIO pin.</summary>
    public const string Relay = "relay";

    /// <summary>The Silvertel AG1171 SLIC.</summary>
    public const string Ag1171 = "ag1171";

    /// <summary>An HD44780 character display behind a PCF8574 I2C backpack.</summary>
    public const string Hd44780Pcf8574 = "hd44780-pcf8574";

    /// <summary>Audio through an ALSA device.</summary>
    public const string Alsa = "alsa";

    /// <summary>Audio read from and written to WAV files.</summary>
    public const string Wav = "wav";

    /// <summary>No audio (silence in, discard out).</summary>
    public const string Null = "null";

    /// <summary>The libgpiod character-device GPIO driver.</summary>
    public const string Libgpiod = "libgpiod";

    /// <summary>The legacy sysfs GPIO driver.</summary>
    public const string Sysfs = "sysfs";

    /// <summary>The interrupt-driven matrix scanner.</summary>
    public const string ScannerEdge = "edge";

    /// <summary>The polling matrix scanner (Iot.Device.KeyMatrix).</summary>
    public const string ScannerKeyMatrix = "keymatrix";

    /// <summary>Gets the GPIO drivers.</summary>
    public static ImmutableArray<string> GpioDrivers { get; } = [Libgpiod, Sysfs, Simulated];

    /// <summary>Gets the hook kinds.</summary>
    public static ImmutableArray<string> HookKinds { get; } = [Gpio, Slic];

    /// <summary>Gets the keypad kinds.</summary>
    public static ImmutableArray<string> KeypadKinds { get; } = [Matrix, Simulated, Dtmf];

    /// <summary>Gets the matrix keypad scanners.</summary>
    public static ImmutableArray<string> KeypadScanners { get; } = [ScannerEdge, ScannerKeyMatrix];

    /// <summary>Gets the ringer kinds.</summary>
    public static ImmutableArray<string> RingerKinds { get; } = [Relay, Slic, Simulated];

    /// <summary>Gets the SLIC kinds.</summary>
    public static ImmutableArray<string> SlicKinds { get; } = [Ag1171];

    /// <summary>Gets the display kinds.</summary>
    public static ImmutableArray<string> DisplayKinds { get; } = [Hd44780Pcf8574, Simulated];

    /// <summary>Gets the coin acceptor kinds.</summary>
    public static ImmutableArray<string> CoinKinds { get; } = [Gpio];

    /// <summary>Gets the LED kinds.</summary>
    public static ImmutableArray<string> LedKinds { get; } = [Gpio];

    /// <summary>Gets the audio kinds.</summary>
    public static ImmutableArray<string> AudioKinds { get; } = [Alsa, Wav, Null];
}
