using System.Globalization;
using Gateway.BoardConfig;

namespace Gateway.Host.Sip;

/// <summary>
/// The headers that tell an emergency call where the box stands, from the board's <c>location</c>: an RFC 6442
/// <c>Geolocation</c> with a <c>geo:</c> URI (RFC 5870) when coordinates are known, and <c>X-Gateway-Location</c>
/// with the country and civic address (RFC 6442 PIDF-LO bodies are not built).
/// </summary>
public static class EmergencyLocation
{
    /// <summary>The headers for a board location.</summary>
    /// <param name="location">The board's location; null gives none.</param>
    /// <returns>Header name/value pairs, each one safe on one line.</returns>
    public static IReadOnlyList<KeyValuePair<string, string>> Headers(LocationConfig? location)
    {
        if (location is null)
        {
            return [];
        }

        var headers = new List<KeyValuePair<string, string>>();
        if (location.Latitude is { } lat && location.Longitude is { } lon)
        {
            headers.Add(new("Geolocation", string.Create(CultureInfo.InvariantCulture, $"<geo:{lat:0.######},{lon:0.######}>")));
            headers.Add(new("Geolocation-Routing", "yes"));
        }

        var civic = $"country={location.Country}";
        if (!string.IsNullOrWhiteSpace(location.CivicAddress))
        {
            civic += $";civic=\"{Quote(location.CivicAddress)}\"";
        }

        if (!string.IsNullOrWhiteSpace(location.Description))
        {
            civic += $";description=\"{Quote(location.Description)}\"";
        }

        headers.Add(new("X-Gateway-Location", civic));
        return headers;
    }

    // One header line: no line breaks, and quotes/backslashes escaped as in a SIP quoted-string.
    private static string Quote(string text) => new string([.. text.Where(c => c is not ('\r' or '\n' or '\0'))])
        .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
