namespace Gateway.SmartCard;

/// <summary>
/// One call filter rule of the account (profile tag FF21). Rules are evaluated in order, first match wins.
/// </summary>
public sealed record CallFilterRule
{
    /// <summary>Caller pattern: <c>*</c>, <c>anonymous</c>, a prefix ending in <c>*</c>, or an exact number.</summary>
    public string CallerPattern { get; init; } = "*";

    /// <summary>Days the rule applies on.</summary>
    public DaysOfWeekMask Days { get; init; } = DaysOfWeekMask.All;

    /// <summary>Window start, minutes after local midnight (0..1439).</summary>
    public int StartMinute { get; init; }

    /// <summary>Window end, exclusive, minutes after midnight (0..1440). End &lt; start wraps; start = end is all day.</summary>
    public int EndMinute { get; init; }

    /// <summary>What to do with a matching call.</summary>
    public FilterAction Action { get; init; }

    /// <summary>Forward destination (E.164), only for <see cref="FilterAction.Forward"/>.</summary>
    public string? ForwardNumber { get; init; }
}
