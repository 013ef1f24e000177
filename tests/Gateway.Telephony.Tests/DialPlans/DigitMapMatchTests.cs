using Gateway.Telephony.DialPlans;

namespace Gateway.Telephony.Tests.DialPlans;

public sealed class DigitMapMatchTests
{
    private const string Bench = "<[2-9]xxxxxxxxx|1[2-9]xxxxxxxxx|911|611|011x.>";

    [Theory]
    [InlineData("", DigitMapMatch.Partial)]
    [InlineData("2", DigitMapMatch.Partial)]
    [InlineData("212555012", DigitMapMatch.Partial)]
    [InlineData("2125550123", DigitMapMatch.Complete)]
    [InlineData("21255501234", DigitMapMatch.NoMatch)]
    [InlineData("1", DigitMapMatch.Partial)]
    [InlineData("12125550123", DigitMapMatch.Complete)]
    [InlineData("11", DigitMapMatch.NoMatch)]
    [InlineData("1125550123", DigitMapMatch.NoMatch)]
    [InlineData("9", DigitMapMatch.Partial)]
    [InlineData("91", DigitMapMatch.Partial)]
    [InlineData("911", DigitMapMatch.Complete)]
    [InlineData("611", DigitMapMatch.Complete)]
    [InlineData("0", DigitMapMatch.Partial)]
    [InlineData("01", DigitMapMatch.Partial)]
    [InlineData("011", DigitMapMatch.CompleteButMayExtend)]
    [InlineData("011442079460000", DigitMapMatch.CompleteButMayExtend)]
    [InlineData("012", DigitMapMatch.NoMatch)]
    [InlineData("*", DigitMapMatch.NoMatch)]
    [InlineData("#", DigitMapMatch.NoMatch)]
    [InlineData("0115#", DigitMapMatch.NoMatch)]
    [InlineData("91a", DigitMapMatch.NoMatch)]
    [InlineData("A", DigitMapMatch.NoMatch)]
    public void Match_BenchMap_Classifies(string keys, DigitMapMatch expected) =>
        Assert.Equal(expected, DigitMap.Parse(Bench).Match(keys));

    [Theory]
    [InlineData("9112", DigitMapMatch.NoMatch)]
    [InlineData("911", DigitMapMatch.Complete)]
    [InlineData("9", DigitMapMatch.Partial)]
    public void Match_WhenNothingMayFollow_Complete(string keys, DigitMapMatch expected) =>
        Assert.Equal(expected, DigitMap.Parse("911|9[2-8]x").Match(keys));

    [Theory]
    [InlineData("x", "5", DigitMapMatch.Complete)]
    [InlineData("x", "*", DigitMapMatch.NoMatch)]
    [InlineData("[135]", "3", DigitMapMatch.Complete)]
    [InlineData("[135]", "2", DigitMapMatch.NoMatch)]
    [InlineData("[2-4]", "4", DigitMapMatch.Complete)]
    [InlineData("[2-4]", "5", DigitMapMatch.NoMatch)]
    [InlineData("[1-35]", "5", DigitMapMatch.Complete)]
    [InlineData("[1-35]", "4", DigitMapMatch.NoMatch)]
    [InlineData("[*#]", "#", DigitMapMatch.Complete)]
    [InlineData("*xx", "*67", DigitMapMatch.Complete)]
    [InlineData("*xx", "*6", DigitMapMatch.Partial)]
    [InlineData("#9", "#9", DigitMapMatch.Complete)]
    [InlineData("x.", "", DigitMapMatch.CompleteButMayExtend)]
    [InlineData("9x.", "9", DigitMapMatch.CompleteButMayExtend)]
    [InlineData("9x.", "9123", DigitMapMatch.CompleteButMayExtend)]
    [InlineData("9x.#", "9123", DigitMapMatch.Partial)]
    [InlineData("9x.#", "9123#", DigitMapMatch.Complete)]
    [InlineData("9x.#", "9#", DigitMapMatch.Complete)]
    [InlineData("1.2", "2", DigitMapMatch.Complete)]
    [InlineData("1.2", "1112", DigitMapMatch.Complete)]
    [InlineData("1.2", "111", DigitMapMatch.Partial)]
    [InlineData("[2-3].4", "23324", DigitMapMatch.Complete)]
    [InlineData("x.x.x", "12", DigitMapMatch.CompleteButMayExtend)]
    [InlineData("x.x.x", "", DigitMapMatch.Partial)]
    [InlineData("xx|xxx", "12", DigitMapMatch.Complete)]
    [InlineData("xxx.|xxx", "12", DigitMapMatch.CompleteButMayExtend)]
    [InlineData("xx|xxx", "123", DigitMapMatch.Complete)]
    [InlineData("<9:>xxxx", "9", DigitMapMatch.Partial)]
    [InlineData("<9:>xxxx", "91234", DigitMapMatch.Complete)]
    [InlineData("<9:>xxxx", "81234", DigitMapMatch.NoMatch)]
    public void Match_EachElement(string map, string keys, DigitMapMatch expected) =>
        Assert.Equal(expected, DigitMap.Parse(map).Match(keys));

    [Theory]
    [InlineData("<:1>[2-9]xxxxxxxxx", "2125550123", "12125550123")]
    [InlineData("<9:>xxxx", "91234", "1234")]
    [InlineData("<011:+>x.", "011442079460000", "+442079460000")]
    [InlineData("<*82:>x.", "*82555", "555")]
    [InlineData("1<2:3>4", "124", "134")]
    [InlineData("x<:#>", "7", "7#")]
    [InlineData("<x:>xx", "123", "23")]
    [InlineData("<:9><:1>x", "5", "915")]
    [InlineData("9x.", "9", "9")]
    [InlineData("911|9x.", "911", "911")]
    [InlineData("<:00>911|911", "911", "00911")]
    [InlineData("9x.|<:00>911", "911", "00911")]
    public void TryTranslate_Substitutes(string map, string keys, string number)
    {
        Assert.True(DigitMap.Parse(map).TryTranslate(keys, out var dialled));
        Assert.Equal(number, dialled);
    }

    [Theory]
    [InlineData("<9:>xxxx", "9123")]
    [InlineData("911", "91")]
    [InlineData("911", "9a1")]
    public void TryTranslate_NoMatch_False(string map, string keys)
    {
        Assert.False(DigitMap.Parse(map).TryTranslate(keys, out var number));
        Assert.Equal(string.Empty, number);
    }

    [Fact]
    public void TryTranslate_LongestMaps_NoBlowUp()
    {
        // Nested repeats are ambiguous; the reverse walk over precomputed states stays linear.
        var map = DigitMap.Parse(string.Concat(Enumerable.Repeat("x.", 31)) + "<:+>");
        var keys = new string('7', 32);

        Assert.Equal(DigitMapMatch.CompleteButMayExtend, map.Match(keys));
        Assert.True(map.TryTranslate(keys, out var number));
        Assert.Equal(keys + "+", number);
    }
}
