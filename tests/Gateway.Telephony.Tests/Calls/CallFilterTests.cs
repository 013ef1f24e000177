using Gateway.SmartCard;
using Gateway.Telephony.Calls;

namespace Gateway.Telephony.Tests.Calls;

public sealed class CallFilterTests
{
    // 2026-11-27 is a Friday.
    private static readonly DateTime s_fridayNoon = new(2026, 11, 27, 12, 0, 0);

    [Fact]
    public void Evaluate_NoRules_UsesDefaultAction()
    {
        var profile = new AccountProfile { DefaultFilterAction = FilterAction.Forward, DefaultForwardNumber = "+15550009999" };

        var decision = CallFilter.Evaluate(profile, "+15550001111", s_fridayNoon);

        Assert.Equal(new CallFilterDecision(FilterAction.Forward, "+15550009999", -1), decision);
    }

    [Fact]
    public void Evaluate_FirstMatchingRuleWins()
    {
        var profile = new AccountProfile
        {
            CallFilters =
            [
                new CallFilterRule { CallerPattern = "+1555*", Action = FilterAction.Reject },
                new CallFilterRule { CallerPattern = "*", Action = FilterAction.Voicemail },
            ],
            AwayVoicemailUri = "sip:vm@example.org",
        };

        Assert.Equal(FilterAction.Reject, CallFilter.Evaluate(profile, "+15550001111", s_fridayNoon).Action);
        var other = CallFilter.Evaluate(profile, "+4930123", s_fridayNoon);
        Assert.Equal(new CallFilterDecision(FilterAction.Voicemail, "sip:vm@example.org", 1), other);
    }

    [Theory]
    [InlineData("anonymous", null, true)]
    [InlineData("anonymous", "anonymous", true)]
    [InlineData("anonymous", "+1555", false)]
    [InlineData("*", null, true)]
    [InlineData("+1555*", "+15551234", true)]
    [InlineData("+1555*", null, false)]
    [InlineData("+15551234", "+15551234", true)]
    [InlineData("+15551234", "+155512345", false)]
    [InlineData("", "+1555", false)]
    [InlineData("   ", "+1555", false)]
    [InlineData(null, "+1555", false)]
    public void MatchesCaller_Patterns(string? pattern, string? caller, bool expected) =>
        Assert.Equal(expected, CallFilter.MatchesCaller(pattern, caller));

    [Theory]
    [InlineData(9 * 60, 17 * 60, 12, 0, true)]
    [InlineData(9 * 60, 17 * 60, 17, 0, false)]
    [InlineData(9 * 60, 17 * 60, 8, 59, false)]
    [InlineData(0, 0, 3, 0, true)]
    [InlineData(0, 1440, 23, 59, true)]
    [InlineData(22 * 60, 6 * 60, 23, 0, true)]
    [InlineData(22 * 60, 6 * 60, 12, 0, false)]
    [InlineData(-5, 600, 1, 0, false)]
    [InlineData(0, 2000, 1, 0, false)]
    public void Evaluate_TimeWindow(int start, int end, int hour, int minute, bool matches)
    {
        var profile = new AccountProfile { CallFilters = [new CallFilterRule { StartMinute = start, EndMinute = end, Action = FilterAction.Reject }] };

        var decision = CallFilter.Evaluate(profile, "+1555", new DateTime(2026, 11, 27, hour, minute, 0));

        Assert.Equal(matches ? FilterAction.Reject : FilterAction.Ring, decision.Action);
    }

    [Fact]
    public void Evaluate_WindowAcrossMidnight_BelongsToTheDayItStarts()
    {
        var profile = new AccountProfile
        {
            CallFilters = [new CallFilterRule { Days = DaysOfWeekMask.Friday, StartMinute = 22 * 60, EndMinute = 6 * 60, Action = FilterAction.Reject }],
        };

        Assert.Equal(FilterAction.Reject, CallFilter.Evaluate(profile, "x", new DateTime(2026, 11, 27, 23, 0, 0)).Action);
        Assert.Equal(FilterAction.Reject, CallFilter.Evaluate(profile, "x", new DateTime(2026, 11, 28, 2, 0, 0)).Action);
        Assert.Equal(FilterAction.Ring, CallFilter.Evaluate(profile, "x", new DateTime(2026, 11, 27, 2, 0, 0)).Action);
    }

    [Fact]
    public void Evaluate_Days_WeekdaysOnly()
    {
        var profile = new AccountProfile { CallFilters = [new CallFilterRule { Days = DaysOfWeekMask.Weekdays, Action = FilterAction.Reject }] };

        Assert.Equal(FilterAction.Reject, CallFilter.Evaluate(profile, "x", s_fridayNoon).Action);
        Assert.Equal(FilterAction.Ring, CallFilter.Evaluate(profile, "x", s_fridayNoon.AddDays(1)).Action);
        Assert.Equal(FilterAction.Ring, CallFilter.Evaluate(profile, "x", s_fridayNoon.AddDays(2)).Action);
        Assert.Equal(FilterAction.Reject, CallFilter.Evaluate(profile, "x", s_fridayNoon.AddDays(3)).Action);
    }

    [Fact]
    public void Evaluate_ForwardWithoutNumber_HasNoTarget()
    {
        var profile = new AccountProfile { CallFilters = [new CallFilterRule { Action = FilterAction.Forward, ForwardNumber = " " }] };

        Assert.Equal(new CallFilterDecision(FilterAction.Forward, null, 0), CallFilter.Evaluate(profile, "x", s_fridayNoon));
    }

    [Fact]
    public void Evaluate_VoicemailWithoutUri_FallsBackToAwayForwardNumber()
    {
        var profile = new AccountProfile { DefaultFilterAction = FilterAction.Voicemail, AwayForwardNumber = "+15550002222" };

        Assert.Equal("+15550002222", CallFilter.Evaluate(profile, null, s_fridayNoon).Target);
    }

    [Fact]
    public void WhenAway_ForwardNumberElseVoicemailElseNothing()
    {
        Assert.Equal(new CallFilterDecision(FilterAction.Forward, "+1555", -1), CallFilter.WhenAway(new AccountProfile { AwayForwardNumber = "+1555" }));
        Assert.Equal(new CallFilterDecision(FilterAction.Voicemail, "sip:vm@x", -1), CallFilter.WhenAway(new AccountProfile { AwayVoicemailUri = "sip:vm@x" }));
        Assert.Null(CallFilter.WhenAway(new AccountProfile { DefaultFilterAction = FilterAction.Forward, DefaultForwardNumber = "+1" }).Target);
    }

    [Fact]
    public void Evaluate_UnknownActionFromCard_Rings()
    {
        var profile = new AccountProfile { CallFilters = [new CallFilterRule { Action = (FilterAction)42 }] };

        Assert.Equal(FilterAction.Ring, CallFilter.Evaluate(profile, "x", s_fridayNoon).Action);
    }
}
