using Gateway.Telephony.DialPlans;

namespace Gateway.Telephony.Tests.DialPlans;

public sealed class DigitMapParseTests
{
    [Theory]
    [InlineData("<[2-9]xxxxxxxxx|1[2-9]xxxxxxxxx|911|611|011x.>", 5)]
    [InlineData("<0[1-9]xxxxxxxxx|999|112|00x.>", 4)]
    [InlineData("([2-9]xxxxxxxxx|911)", 2)]
    [InlineData("911", 1)]
    [InlineData(" 911 | 411 ", 2)]
    [InlineData("<9:>xxxx", 1)]
    [InlineData("<<9:>xxxx|911>", 2)]
    [InlineData("<:1>[2-9]xxxxxxxxx|*xx|#x.", 3)]
    [InlineData("XXX", 1)]
    public void Parse_ValidMaps_CountsAlternatives(string text, int alternatives)
    {
        var map = DigitMap.Parse(text);

        Assert.Equal(alternatives, map.AlternativeCount);
        Assert.Equal(text, map.Text);
        Assert.Equal(text, map.ToString());
    }

    [Theory]
    [InlineData("", 0, "empty")]
    [InlineData("   ", 3, "empty")]
    [InlineData("<>", 1, "empty alternative")]
    [InlineData("911||411", 4, "empty alternative")]
    [InlineData("|911", 0, "empty alternative")]
    [InlineData("911|", 4, "empty alternative")]
    [InlineData("9[1-]1", 3, "not allowed in a range")]
    [InlineData("9[]1", 1, "empty range")]
    [InlineData("9[9-2]1", 2, "reversed")]
    [InlineData("[2-9", 0, "not closed")]
    [InlineData("[a]", 1, "not allowed in a range")]
    [InlineData("[*-#]", 1, "join two digits")]
    [InlineData(".911", 0, "'.' must follow")]
    [InlineData("9..", 2, "'.' must follow")]
    [InlineData("<:1>.9", 4, "'.' must follow")]
    [InlineData("911|.", 4, "'.' must follow")]
    [InlineData("<9:1", 0, "not closed")]
    [InlineData("<9", 0, "not closed")]
    [InlineData("<9.:>1", 2, "before ':'")]
    [InlineData("<9:a>1", 3, "not allowed in a replacement")]
    [InlineData("<9:>", 0, "empty number")]
    [InlineData("91>1", 2, "without a matching '<'")]
    [InlineData("9a1", 1, "unexpected 'a'")]
    [InlineData("x.S0", 2, "timer marker 'S'")]
    [InlineData("xxxT", 3, "timer marker 'T'")]
    [InlineData("9L", 1, "timer marker 'L'")]
    [InlineData("9(1)", 1, "only allowed around the whole map")]
    [InlineData("9\u00001", 1, "\\u0000")]
    [InlineData("<:123456789012345678901234567890123>9", 34, "at most 32")]
    public void Parse_InvalidMaps_ThrowPositionAndReason(string text, int position, string reason)
    {
        var ex = Assert.Throws<DigitMapException>(() => DigitMap.Parse(text));

        Assert.Equal(position, ex.Position);
        Assert.Contains(reason, ex.Reason, StringComparison.Ordinal);
        Assert.StartsWith($"digit map error at position {position}: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooManyElements_Throws()
    {
        var ex = Assert.Throws<DigitMapException>(() => DigitMap.Parse(new string('x', 64)));

        Assert.Contains("at most 63 elements", ex.Reason, StringComparison.Ordinal);
        Assert.Equal(DigitMapMatch.Complete, DigitMap.Parse(new string('x', 63)).Match(new string('5', 63)));
    }

    [Fact]
    public void Parse_TooManyAlternatives_Throws()
    {
        var text = string.Join('|', Enumerable.Repeat("9", 257));

        Assert.Contains("more than 256 alternatives", Assert.Throws<DigitMapException>(() => DigitMap.Parse(text)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TooLong_Throws()
    {
        Assert.Contains("at most 4096", Assert.Throws<DigitMapException>(() => DigitMap.Parse(new string('9', 4097))).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull() => Assert.Throws<ArgumentNullException>(() => DigitMap.Parse(null!));

    [Fact]
    public void TryParse_ReportsErrorWithoutThrowing()
    {
        Assert.True(DigitMap.TryParse("911", out var none));
        Assert.Null(none);
        Assert.False(DigitMap.TryParse("9[", out var error));
        Assert.Equal(1, error!.Position);
        Assert.False(DigitMap.TryParse(null, out var missing));
        Assert.NotNull(missing);
    }

    [Fact]
    public void DialPlanValidate_GivesMessageOrNull()
    {
        Assert.Null(DialPlan.Validate(DialPlan.DefaultMapText));
        Assert.Equal("digit map error at position 1: span 9-2 is reversed; write 2-9", DialPlan.Validate("[9-2]"));
    }

    [Fact]
    public void Exception_StandardConstructors_KeepReason()
    {
        Assert.Equal("invalid digit map", new DigitMapException().Reason);
        Assert.Equal("r", new DigitMapException("r").Reason);
        var inner = new InvalidOperationException();
        Assert.Same(inner, new DigitMapException("r", inner).InnerException);
    }
}
