using System.Globalization;

namespace Gateway.Hardware;

/// <summary>
/// A ringing pattern: alternating bell-on and bell-off durations, starting with on, repeated.
/// </summary>
public sealed class RingCadence
{
    /// <summary>Longest single segment accepted (a sanity bound against typos like "40" for "4.0").</summary>
    public static readonly TimeSpan MaxSegment = TimeSpan.FromSeconds(10);

    /// <summary>Shortest segment accepted: shorter bursts cannot be produced by a relay or a 20 Hz ring.</summary>
    public static readonly TimeSpan MinSegment = TimeSpan.FromMilliseconds(50);

    /// <summary>Most segments accepted.</summary>
    public const int MaxSegments = 12;

    /// <summary>Creates a cadence.</summary>
    /// <param name="name">A name for logs and configuration.</param>
    /// <param name="pattern">On/off durations, starting with on; an even number of them.</param>
    /// <exception cref="ArgumentException">The pattern is empty, odd, too long or has out-of-range values.</exception>
    public RingCadence(string name, IEnumerable<TimeSpan> pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(pattern);
        var segments = pattern.ToArray();
        if (segments.Length == 0 || segments.Length % 2 != 0)
        {
            throw new ArgumentException($"Ring cadence '{name}' needs an even, non-zero number of on/off segments (got {segments.Length}).", nameof(pattern));
        }

        if (segments.Length > MaxSegments)
        {
            throw new ArgumentException($"Ring cadence '{name}' has {segments.Length} segments; at most {MaxSegments} are allowed.", nameof(pattern));
        }

        foreach (var segment in segments)
        {
            if (segment < MinSegment || segment > MaxSegment)
            {
                throw new ArgumentException(
                    $"Ring cadence '{name}' segment {segment.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s is outside {MinSegment.TotalSeconds.ToString(CultureInfo.InvariantCulture)}..{MaxSegment.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.",
                    nameof(pattern));
            }
        }

        Name = name;
        Pattern = Array.AsReadOnly(segments);
        Period = segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s);
    }

    /// <summary>The cadence name.</summary>
    public string Name { get; }

    /// <summary>Alternating on/off durations, starting with on.</summary>
    public IReadOnlyList<TimeSpan> Pattern { get; }

    /// <summary>Length of one full repetition.</summary>
    public TimeSpan Period { get; }

    /// <summary>Parses seconds separated by '/', e.g. "0.8/0.4/0.8/4.0" (invariant culture).</summary>
    /// <param name="text">The pattern text.</param>
    /// <param name="name">Name for the result; defaults to the text itself.</param>
    /// <returns>The cadence.</returns>
    /// <exception cref="ArgumentException">The text is not a valid pattern.</exception>
    public static RingCadence Parse(string text, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split('/', StringSplitOptions.TrimEntries);
        var segments = new List<TimeSpan>(parts.Length);
        foreach (var part in parts)
        {
            if (!double.TryParse(part, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds))
            {
                throw new ArgumentException($"Ring cadence '{text}': '{part}' is not a number of seconds (expected e.g. \"0.8/0.4/0.8/4.0\").", nameof(text));
            }

            if (seconds > MaxSegment.TotalSeconds)
            {
                throw new ArgumentException($"Ring cadence '{text}': {part} s exceeds {MaxSegment.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s.", nameof(text));
            }

            segments.Add(TimeSpan.FromSeconds(seconds));
        }

        return new RingCadence(string.IsNullOrWhiteSpace(name) ? text.Trim() : name, segments);
    }

    /// <summary>Parses like <see cref="Parse"/> without throwing.</summary>
    /// <param name="text">The pattern text.</param>
    /// <param name="cadence">The cadence, when valid.</param>
    /// <returns>Whether the text was valid.</returns>
    public static bool TryParse(string? text, out RingCadence? cadence)
    {
        cadence = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            cadence = Parse(text);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public override string ToString() =>
        Name + " (" + string.Join('/', Pattern.Select(p => p.TotalSeconds.ToString("0.0##", CultureInfo.InvariantCulture))) + ")";
}
