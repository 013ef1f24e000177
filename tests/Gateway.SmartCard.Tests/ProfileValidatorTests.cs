namespace Gateway.SmartCard.Tests;

public class ProfileValidatorTests
{
    private static readonly DateOnly s_today = new(2026, 11, 26);

    [Fact]
    public void Validate_CompleteProfile_ReturnsNoProblems()
    {
        Assert.Empty(ProfileValidator.Validate(TestProfiles.Alice, s_today));
    }

    [Theory]
    [InlineData("followMeNumber")]
    [InlineData("sipAor")]
    [InlineData("authUser")]
    [InlineData("realm")]
    public void Validate_MissingMandatoryField_NamesIt(string field)
    {
        var profile = field switch
        {
            "followMeNumber" => TestProfiles.Alice with { FollowMeNumber = "" },
            "sipAor" => TestProfiles.Alice with { SipAor = "" },
            "authUser" => TestProfiles.Alice with { AuthUser = " " },
            _ => TestProfiles.Alice with { Realm = "" },
        };

        Assert.Equal(["missing-field:" + field], ProfileValidator.Validate(profile, s_today));
    }

    [Theory]
    [InlineData("+4930123456", true)]
    [InlineData("+12", true)]
    [InlineData("+123456789012345", true)]
    [InlineData("+1234567890123456", false)]
    [InlineData("+0301234", false)]
    [InlineData("4930123456", false)]
    [InlineData("+49 30 123", false)]
    [InlineData("+1", false)]
    public void IsE164_Number_ClassifiesCorrectly(string number, bool expected)
    {
        Assert.Equal(expected, ProfileValidator.IsE164(number));
    }

    [Fact]
    public void Validate_FollowMeNumberNotE164_ReportsInvalidField()
    {
        Assert.Contains("invalid-field:followMeNumber", ProfileValidator.Validate(TestProfiles.Alice with { FollowMeNumber = "030123" }, s_today));
    }

    [Fact]
    public void Validate_AorNotSipUri_ReportsInvalidField()
    {
        Assert.Contains("invalid-field:sipAor", ProfileValidator.Validate(TestProfiles.Alice with { SipAor = "alice@example.org" }, s_today));
    }

    [Fact]
    public void Validate_ExpiryYesterday_ReportsExpired()
    {
        var profile = TestProfiles.Alice with { Expiry = s_today.AddDays(-1) };

        Assert.Equal(["expired"], ProfileValidator.Validate(profile, s_today));
    }

    [Fact]
    public void Validate_ExpiryToday_IsStillValid()
    {
        Assert.Empty(ProfileValidator.Validate(TestProfiles.Alice with { Expiry = s_today }, s_today));
    }

    [Fact]
    public void Validate_ForwardRuleWithoutNumber_ReportsRuleIndex()
    {
        var profile = TestProfiles.Alice with { CallFilters = [new CallFilterRule { Action = FilterAction.Forward }] };

        Assert.Equal(["invalid-field:callFilters[0].forwardNumber"], ProfileValidator.Validate(profile, s_today));
    }
}
