using Gateway.SmartCard;

namespace Gateway.Telephony.Calls;

/// <summary>
/// Evaluates a card's call filter rules (first match wins) for a caller at a local time; no match gives the card's
/// default action. Voicemail goes to the away voicemail URI (else the away forward number).
/// </summary>
public static class CallFilter
{
    private const int MinutesPerDay = 24 * 60;

    /// <summary>Decides what to do with a call.</summary>
    /// <param name="profile">The card profile.</param>
    /// <param name="caller">The caller's number (From user part), or null/empty/"anonymous" when withheld.</param>
    /// <param name="localTime">The station's local time.</param>
    /// <returns>The decision.</returns>
    public static CallFilterDecision Evaluate(AccountProfile profile, string? caller, DateTime localTime)
    {
        ArgumentNullException.ThrowIfNull(profile);
        for (var i = 0; i < profile.CallFilters.Count; i++)
        {
            var rule = profile.CallFilters[i];
            if (rule is not null && MatchesCaller(rule.CallerPattern, caller) && MatchesTime(rule, localTime))
            {
                return Decide(profile, rule.Action, rule.ForwardNumber, i);
            }
        }

        return Decide(profile, profile.DefaultFilterAction, profile.DefaultForwardNumber, -1);
    }

    /// <summary>
    /// Where a call goes when the user cannot take it any more (card removed while it rang): the card's away forward
    /// number, else its away voicemail URI; with neither the target is null and the call is answered 480.
    /// </summary>
    /// <param name="profile">The card profile.</param>
    /// <returns>The decision (forward or voicemail, rule index -1).</returns>
    public static CallFilterDecision WhenAway(AccountProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        return NullIfBlank(profile.AwayForwardNumber) is { } forward
            ? new CallFilterDecision(FilterAction.Forward, forward, -1)
            : new CallFilterDecision(FilterAction.Voicemail, NullIfBlank(profile.AwayVoicemailUri), -1);
    }

    /// <summary>Whether <paramref name="caller"/> matches a rule's caller pattern.</summary>
    /// <param name="pattern"><c>*</c>, <c>anonymous</c>, a prefix ending in <c>*</c>, or an exact number.</param>
    /// <param name="caller">The caller's number, or null when withheld.</param>
    /// <returns>Whether it matches.</returns>
    public static bool MatchesCaller(string? pattern, string? caller)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            // A rule with a damaged pattern must not catch every call.
            return false;
        }

        pattern = pattern.Trim();
        var anonymous = IsAnonymous(caller);
        if (pattern == "*")
        {
            return true;
        }

        if (string.Equals(pattern, "anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return anonymous;
        }

        if (anonymous)
        {
            return false;
        }

        return pattern.EndsWith('*')
            ? caller!.StartsWith(pattern[..^1], StringComparison.Ordinal)
            : string.Equals(pattern, caller, StringComparison.Ordinal);
    }

    private static bool IsAnonymous(string? caller) =>
        string.IsNullOrWhiteSpace(caller) || string.Equals(caller, "anonymous", StringComparison.OrdinalIgnoreCase);

    private static bool MatchesTime(CallFilterRule rule, DateTime localTime)
    {
        var minute = (localTime.Hour * 60) + localTime.Minute;
        var start = rule.StartMinute;
        var end = rule.EndMinute;
        if (start is < 0 or >= MinutesPerDay || end is < 0 or > MinutesPerDay)
        {
            return false;
        }

        if (start == end || (start == 0 && end == MinutesPerDay))
        {
            return IsDay(rule.Days, localTime.DayOfWeek);
        }

        if (start < end)
        {
            return minute >= start && minute < end && IsDay(rule.Days, localTime.DayOfWeek);
        }

        // A window across midnight belongs to the day it starts on: Friday 22:00-06:00 covers Saturday 02:00.
        if (minute >= start)
        {
            return IsDay(rule.Days, localTime.DayOfWeek);
        }

        return minute < end && IsDay(rule.Days, localTime.AddDays(-1).DayOfWeek);
    }

    private static bool IsDay(DaysOfWeekMask days, DayOfWeek day)
    {
        var bit = day == DayOfWeek.Sunday ? DaysOfWeekMask.Sunday : (DaysOfWeekMask)(1 << ((int)day - 1));
        return (days & bit) != 0;
    }

    private static CallFilterDecision Decide(AccountProfile profile, FilterAction action, string? forwardNumber, int index) => action switch
    {
        FilterAction.Forward => new CallFilterDecision(action, NullIfBlank(forwardNumber), index),
        FilterAction.Voicemail => new CallFilterDecision(action, NullIfBlank(profile.AwayVoicemailUri) ?? NullIfBlank(profile.AwayForwardNumber), index),
        FilterAction.Reject or FilterAction.RejectBusy => new CallFilterDecision(action, null, index),
        _ => new CallFilterDecision(FilterAction.Ring, null, index),
    };

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
