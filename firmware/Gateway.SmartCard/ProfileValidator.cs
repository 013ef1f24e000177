using System.Globalization;

namespace Gateway.SmartCard;

/// <summary>
/// Checks a decoded profile against the rules of docs/card-profile.md §7 and answers rejection reasons in the
/// session's vocabulary (<c>missing-field:name</c>, <c>invalid-field:name</c>, <c>expired</c>).
/// </summary>
public static class ProfileValidator
{
    /// <summary>Lists every problem of <paramref name="profile"/>; empty when it is usable.</summary>
    /// <param name="profile">The profile.</param>
    /// <param name="todayUtc">Today's date (UTC), for the expiry check.</param>
    /// <returns>Reasons, most important first.</returns>
    public static IReadOnlyList<string> Validate(AccountProfile profile, DateOnly todayUtc)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var problems = new List<string>();
        Mandatory(problems, "followMeNumber", profile.FollowMeNumber);
        Mandatory(problems, "sipAor", profile.SipAor);
        Mandatory(problems, "authUser", profile.AuthUser);
        Mandatory(problems, "realm", profile.Realm);
        if (profile.FollowMeNumber.Length > 0 && !IsE164(profile.FollowMeNumber))
        {
            problems.Add("invalid-field:followMeNumber");
        }

        if (profile.SipAor.Length > 0 && !IsSipUri(profile.SipAor))
        {
            problems.Add("invalid-field:sipAor");
        }

        if (profile.AwayForwardNumber is not null && !IsE164(profile.AwayForwardNumber))
        {
            problems.Add("invalid-field:awayForwardNumber");
        }

        if (profile.AwayForwardNumber is not null && profile.AwayVoicemailUri is not null)
        {
            problems.Add("invalid-field:awayDestination");
        }

        for (var i = 0; i < profile.CallFilters.Count; i++)
        {
            var rule = profile.CallFilters[i];
            if ((rule.Action == FilterAction.Forward) != (rule.ForwardNumber is not null && IsE164(rule.ForwardNumber)))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"invalid-field:callFilters[{i}].forwardNumber"));
            }
        }

        if ((profile.DefaultFilterAction == FilterAction.Forward) != (profile.DefaultForwardNumber is not null && IsE164(profile.DefaultForwardNumber)))
        {
            problems.Add("invalid-field:defaultForwardNumber");
        }

        if (profile.Expiry is { } expiry && todayUtc > expiry)
        {
            problems.Add("expired");
        }

        return problems;
    }

    /// <summary>True for <c>+</c> followed by 2–15 digits, the first 1–9 (ITU-T E.164).</summary>
    /// <param name="number">The text.</param>
    /// <returns>Whether it is E.164.</returns>
    public static bool IsE164(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        return number.Length is >= 3 and <= 16
            && number[0] == '+'
            && number[1] is >= '1' and <= '9'
            && number.AsSpan(2).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private static bool IsSipUri(string uri) =>
        (uri.StartsWith("sip:", StringComparison.OrdinalIgnoreCase) && uri.Length > 4)
        || (uri.StartsWith("sips:", StringComparison.OrdinalIgnoreCase) && uri.Length > 5);

    private static void Mandatory(List<string> problems, string name, string value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            problems.Add("missing-field:" + name);
        }
    }
}
