namespace Gateway.BoardConfig;

/// <summary>One station: a handset (hook switch, keypad, ringer) or an FXS line on a SLIC, with its audio and card readers.</summary>
public sealed class StationConfig
{
    /// <summary>Gets the station id: <c>^[a-z0-9][a-z0-9-]{0,31}$</c>, unique on the board.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Gets a human name for the station.</summary>
    public string? Name { get; set; }

    /// <summary>Gets the hook switch; required (kind <c>gpio</c> or <c>slic</c>).</summary>
    public HookConfig? Hook { get; set; }

    /// <summary>Gets the keypad, or null when the station has none.</summary>
    public KeypadConfig? Keypad { get; set; }

    /// <summary>Gets the ringer, or null when the station has none.</summary>
    public RingerConfig? Ringer { get; set; }

    /// <summary>Gets the SLIC (FXS line interface), or null.</summary>
    public SlicConfig? Slic { get; set; }

    /// <summary>Gets the character display, or null.</summary>
    public DisplayConfig? Display { get; set; }

    /// <summary>Gets the coin acceptor, or null.</summary>
    public CoinConfig? Coin { get; set; }

    /// <summary>Gets the indicator LED, or null.</summary>
    public LedConfig? Led { get; set; }

    /// <summary>Gets the audio path; required.</summary>
    public AudioConfig? Audio { get; set; }

    /// <summary>Gets the PC/SC reader names bound to this station; each reader belongs to one station only.</summary>
    public IReadOnlyList<string> Readers { get; set; } = [];

    /// <summary>Gets the ring cadence override, or null to use <see cref="DefaultsConfig.RingCadence"/>.</summary>
    public string? RingCadence { get; set; }
}
