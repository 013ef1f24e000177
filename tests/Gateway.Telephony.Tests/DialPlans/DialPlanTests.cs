using System.Text.Json;
using Gateway.SmartCard;
using Gateway.Telephony.DialPlans;

namespace Gateway.Telephony.Tests.DialPlans;

public sealed class DialPlanTests
{
    private static readonly DigitMap Bench = DigitMap.Parse("<[2-9]xxxxxxxxx|1[2-9]xxxxxxxxx|911|611|011x.>");

    [Fact]
    public void SpeedDial_KeyedExactly_DialsItsNumber()
    {
        var plan = new DialPlan(Bench, speedDials: [new SpeedDial("*2", "+15551230002"), new SpeedDial("*23", "sip:bob@example.org")]);

        // Rule by rule: "*2" is an exact rule, so it dials at once and "*23" cannot be reached.
        Assert.Equal(DigitMapMatch.Complete, plan.Map.Match("*2"));
        Assert.True(plan.Map.TryTranslate("*2", out var two));
        Assert.Equal("+15551230002", two);
        Assert.Equal(DigitMapMatch.Complete, plan.Map.Match("*23"));
        Assert.True(plan.Map.TryTranslate("*23", out var uri));
        Assert.Equal("sip:bob@example.org", uri);
        Assert.Equal(DigitMapMatch.NoMatch, plan.Map.Match("*3"));
    }

    [Fact]
    public void SpeedDial_WinsTieWithBoardMap()
    {
        var plan = new DialPlan(DigitMap.Parse("xxx"), speedDials: [new SpeedDial("123", "5550100")]);

        Assert.True(plan.Map.TryTranslate("123", out var number));
        Assert.Equal("5550100", number);
        Assert.True(plan.Map.TryTranslate("124", out var other));
        Assert.Equal("124", other);
    }

    [Theory]
    [InlineData("", "5550100")]
    [InlineData("*2a", "5550100")]
    [InlineData("*2", "")]
    [InlineData("*2", "555 0100")]
    [InlineData("*2", "sip:bob @example.org")]
    [InlineData("*2", "http://example.org")]
    [InlineData("*234567890123456789012345678901234", "5550100")]
    public void SpeedDial_Unusable_IgnoredAndListed(string label, string number)
    {
        var dial = new SpeedDial(label, number);
        var plan = new DialPlan(Bench, speedDials: [dial]);

        Assert.Equal([dial], plan.IgnoredSpeedDials);
        Assert.Equal(Bench.AlternativeCount, plan.Map.AlternativeCount);
    }

    [Fact]
    public void SpeedDial_DuplicateLabelAndNulls_FirstWins()
    {
        var second = new SpeedDial("*2", "222");
        var plan = new DialPlan(Bench, speedDials: [new SpeedDial("*2", "111"), second, null!, new SpeedDial(null!, null!)]);

        Assert.True(plan.Map.TryTranslate("*2", out var number));
        Assert.Equal("111", number);
        Assert.Equal(2, plan.IgnoredSpeedDials.Count);
        Assert.Same(second, plan.IgnoredSpeedDials[0]);
    }

    [Fact]
    public void EmergencyAndFree_Classified()
    {
        var plan = new DialPlan(Bench, ["911"], ["611", "bad number"]);

        Assert.True(plan.IsEmergency("911"));
        Assert.False(plan.IsEmergency("611"));
        Assert.False(plan.IsEmergency("9110"));
        Assert.False(plan.IsEmergency(null));
        Assert.True(plan.IsFree("911"));
        Assert.True(plan.IsFree("611"));
        Assert.False(plan.IsFree("2125550123"));
        Assert.False(plan.IsFree("bad number"));
        Assert.False(plan.IsFree(null));
    }

    [Fact]
    public void EmergencyNumber_DialableEvenWhenMapForgotIt()
    {
        var plan = new DialPlan(DigitMap.Parse("<0[1-9]xxxxxxxxx|00x.>"), ["999", "112"]);

        Assert.Equal(DigitMapMatch.Complete, plan.Map.Match("999"));
        Assert.Equal(DigitMapMatch.Complete, plan.Map.Match("112"));
        Assert.Equal(2, plan.BoardMap.AlternativeCount);
    }

    [Fact]
    public void ShippedBoards_DialPlansParse()
    {
        var directory = Path.Combine(RepoRoot(), "board-config");
        var boards = Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(boards);
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        foreach (var file in boards)
        {
            using var json = JsonDocument.Parse(File.ReadAllText(file), options);
            var text = json.RootElement.TryGetProperty("dialPlan", out var map) ? map.GetString()! : DialPlan.DefaultMapText;
            Assert.True(DigitMap.TryParse(text, out var error), $"{file}: {error?.Message}");
        }
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root not found");
    }
}
