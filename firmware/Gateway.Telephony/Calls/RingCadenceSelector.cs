using System.Collections.Frozen;
using Gateway.Hardware;

namespace Gateway.Telephony.Calls;

/// <summary>
/// Chooses how an incoming call rings: the card's cadence name, else the INVITE's Alert-Info mapped to a built-in
/// cadence (RFC 3261 §20.4 <c>&lt;uri&gt;;info=alert-...</c>, <c>Bellcore-drN</c>, RFC 7462 <c>urn:alert:...</c>),
/// else the station's (or board's) default. Unknown names and unmapped Alert-Info fall through to the next source.
/// </summary>
public sealed class RingCadenceSelector
{
    private const int MaxAlertInfoEntries = 8;

    private static readonly FrozenDictionary<string, string> s_info = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["alert-internal"] = "distinctive-1",
        ["alert-external"] = "us-standard",
        ["alert-group"] = "distinctive-2",
        ["alert-priority"] = "distinctive-3",
        ["alert-emergency"] = "distinctive-3",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenDictionary<string, string> s_urns = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["urn:alert:source:internal"] = "distinctive-1",
        ["urn:alert:source:external"] = "us-standard",
        ["urn:alert:source:friend"] = "distinctive-2",
        ["urn:alert:source:family"] = "distinctive-2",
        ["urn:alert:priority:high"] = "distinctive-3",
        ["urn:alert:priority:low"] = "short-short",
        ["urn:alert:service:forward"] = "distinctive-2",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    // Bellcore GR-506 distinctive ringing patterns dr1..dr5, by closeness of rhythm.
    private static readonly string[] s_bellcore = ["us-standard", "distinctive-1", "distinctive-2", "distinctive-3", "short-short"];

    /// <summary>Initializes a new instance of the <see cref="RingCadenceSelector"/> class.</summary>
    /// <param name="defaultCadence">The station's cadence from the board file, else the board's default.</param>
    public RingCadenceSelector(RingCadence defaultCadence)
    {
        Default = defaultCadence ?? throw new ArgumentNullException(nameof(defaultCadence));
    }

    /// <summary>Gets the cadence used when neither the card nor the INVITE names a known one.</summary>
    public RingCadence Default { get; }

    /// <summary>Chooses the cadence.</summary>
    /// <param name="cardCadence">The card profile's cadence name, or null.</param>
    /// <param name="alertInfo">The raw Alert-Info header values of the INVITE (untrusted).</param>
    /// <returns>The cadence to ring.</returns>
    public RingCadence Select(string? cardCadence, IEnumerable<string> alertInfo)
    {
        ArgumentNullException.ThrowIfNull(alertInfo);
        if (!string.IsNullOrWhiteSpace(cardCadence) && RingCadences.TryGet(cardCadence.Trim(), out var fromCard))
        {
            return fromCard;
        }

        return FromAlertInfo(alertInfo) ?? Default;
    }

    /// <summary>Maps Alert-Info values to a built-in cadence; the first entry that maps wins.</summary>
    /// <param name="alertInfo">The raw header values.</param>
    /// <returns>The cadence, or null when nothing maps.</returns>
    public static RingCadence? FromAlertInfo(IEnumerable<string> alertInfo)
    {
        ArgumentNullException.ThrowIfNull(alertInfo);
        var seen = 0;
        foreach (var value in alertInfo)
        {
            foreach (var entry in SplitEntries(value ?? string.Empty))
            {
                // A flood of entries is not worth scanning; the first few decide.
                if (++seen > MaxAlertInfoEntries)
                {
                    return null;
                }

                if (MapEntry(entry) is { } name && RingCadences.TryGet(name, out var cadence))
                {
                    return cadence;
                }
            }
        }

        return null;
    }

    private static string? MapEntry(string entry)
    {
        var open = entry.IndexOf('<', StringComparison.Ordinal);
        var close = open < 0 ? -1 : entry.IndexOf('>', open + 1);
        var uri = close > open ? entry[(open + 1)..close].Trim() : entry.Split(';', 2)[0].Trim();
        var parameters = close > open ? entry[(close + 1)..] : (entry.Contains(';', StringComparison.Ordinal) ? entry[entry.IndexOf(';', StringComparison.Ordinal)..] : string.Empty);

        foreach (var parameter in parameters.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pair = parameter.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length == 2 && string.Equals(pair[0], "info", StringComparison.OrdinalIgnoreCase))
            {
                var info = pair[1].Trim('"');
                if (s_info.TryGetValue(info, out var mapped))
                {
                    return mapped;
                }

                if (RingCadences.TryGet(info, out _))
                {
                    return info;
                }
            }
        }

        if (uri.StartsWith("urn:alert:", StringComparison.OrdinalIgnoreCase))
        {
            // Further sub-indications (urn:alert:source:internal:x) refine a category we map as a whole.
            var parts = uri.Split(':');
            return parts.Length >= 4 && s_urns.TryGetValue(string.Join(':', parts[..4]), out var mapped) ? mapped : null;
        }

        var bellcore = uri.IndexOf("bellcore-dr", StringComparison.OrdinalIgnoreCase);
        if (bellcore >= 0 && bellcore + 11 < uri.Length && uri[bellcore + 11] is >= '1' and <= '5')
        {
            return s_bellcore[uri[bellcore + 11] - '1'];
        }

        // Some PBXes name the ring directly as the URI's last segment.
        var last = uri.TrimEnd('/');
        last = last[(last.LastIndexOfAny(['/', ':']) + 1)..];
        return RingCadences.TryGet(last, out _) ? last : null;
    }

    private static IEnumerable<string> SplitEntries(string value)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            switch (value[i])
            {
                case '<':
                    depth++;
                    break;
                case '>':
                    depth = Math.Max(0, depth - 1);
                    break;
                case ',' when depth == 0:
                    yield return value[start..i];
                    start = i + 1;
                    break;
            }
        }

        yield return value[start..];
    }
}
