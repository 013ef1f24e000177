using System.Collections.Frozen;

namespace Gateway.Hardware;

/// <summary>The built-in ring cadences, by name (case-insensitive). Immutable.</summary>
public static class RingCadences
{
    private static readonly FrozenDictionary<string, RingCadence> s_catalog = new[]
    {
        RingCadence.Parse("2.0/4.0", "us-standard"),
        RingCadence.Parse("0.4/0.2/0.4/2.0", "uk-double"),
        RingCadence.Parse("0.8/0.4/0.8/4.0", "distinctive-1"),
        RingCadence.Parse("0.4/0.2/0.4/0.2/0.8/4.0", "distinctive-2"),
        RingCadence.Parse("0.3/0.2/1.0/4.0", "distinctive-3"),
        RingCadence.Parse("0.5/0.3/0.5/3.0", "short-short"),
        RingCadence.Parse("1.0/4.0", "eu-standard"),
    }.ToFrozenDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);

    /// <summary>North-American 2 s on, 4 s off.</summary>
    public static RingCadence UsStandard => s_catalog["us-standard"];

    /// <summary>UK 0.4/0.2/0.4/2.0 double ring.</summary>
    public static RingCadence UkDouble => s_catalog["uk-double"];

    /// <summary>The names of all built-in cadences.</summary>
    public static IReadOnlyCollection<string> Names => s_catalog.Keys;

    /// <summary>Looks a cadence up by name, ignoring case.</summary>
    /// <param name="name">e.g. "us-standard".</param>
    /// <param name="cadence">The cadence when found.</param>
    /// <returns>Whether the name is known.</returns>
    public static bool TryGet(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RingCadence? cadence)
    {
        ArgumentNullException.ThrowIfNull(name);
        return s_catalog.TryGetValue(name, out cadence);
    }
}
