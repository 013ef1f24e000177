namespace Gateway.BoardConfig;

/// <summary>Where the box stands; emergency calls carry this.</summary>
public sealed class LocationConfig
{
    /// <summary>Gets a human description, e.g. "Hotel Example lobby, booth 2".</summary>
    public string? Description { get; set; }

    /// <summary>Gets the ISO 3166-1 alpha-2 country code, upper case (e.g. "US"); required.</summary>
    public string Country { get; set; } = string.Empty;

    /// <summary>Gets the civic (street) address given to emergency services.</summary>
    public string? CivicAddress { get; set; }

    /// <summary>Gets the latitude in degrees, -90..90; give both or neither coordinate.</summary>
    public double? Latitude { get; set; }

    /// <summary>Gets the longitude in degrees, -180..180; give both or neither coordinate.</summary>
    public double? Longitude { get; set; }
}
