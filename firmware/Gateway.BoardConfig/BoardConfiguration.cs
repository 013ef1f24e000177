using System.Text.Json.Serialization;

namespace Gateway.BoardConfig;

/// <summary>
/// One physical box: its GPIO driver, location, defaults and stations, as read from a board file
/// (<c>board-config/&lt;board&gt;.json</c>). Load it with <see cref="BoardConfigLoader"/>, which also validates it.
/// </summary>
public sealed class BoardConfiguration
{
    /// <summary>Gets the editor hint <c>"$schema"</c>; ignored by the gateway, allowed so editors can validate.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    /// <summary>Gets the board name; must equal the file name without <c>.json</c>.</summary>
    public string Board { get; set; } = string.Empty;

    /// <summary>Gets a free-text description of the box.</summary>
    public string? Description { get; set; }

    /// <summary>Gets the GPIO driver section; required when any station uses a GPIO-kind device.</summary>
    public GpioConfig? Gpio { get; set; }

    /// <summary>Gets where the box is; required because emergency calls carry it.</summary>
    public LocationConfig? Location { get; set; }

    /// <summary>Gets the board-wide defaults that stations may override.</summary>
    public DefaultsConfig Defaults { get; set; } = new();

    /// <summary>Gets the dial plan (digit-map syntax); not validated deeply here.</summary>
    public string? DialPlan { get; set; }

    /// <summary>Gets the numbers dialled as emergency calls (always allowed, carry the location).</summary>
    public IReadOnlyList<string> EmergencyNumbers { get; set; } = [];

    /// <summary>Gets the numbers that may be dialled without payment.</summary>
    public IReadOnlyList<string> FreeNumbers { get; set; } = [];

    /// <summary>Gets the stations (handsets or FXS lines) of the box; at least one.</summary>
    public IReadOnlyList<StationConfig> Stations { get; set; } = [];

    /// <summary>Returns the ring cadence a station uses: its own override, else the board default.</summary>
    /// <param name="station">A station of this board.</param>
    /// <returns>The cadence name.</returns>
    public string RingCadenceFor(StationConfig station)
    {
        ArgumentNullException.ThrowIfNull(station);
        return station.RingCadence ?? Defaults.RingCadence;
    }
}
