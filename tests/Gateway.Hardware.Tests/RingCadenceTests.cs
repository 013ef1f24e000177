namespace Gateway.Hardware.Tests;

public sealed class RingCadenceTests
{
    [Fact]
    public void Parse_ValidPattern_SegmentsAndPeriod()
    {
        var cadence = RingCadence.Parse("0.8/0.4/0.8/4.0", "mine");

        Assert.Equal("mine", cadence.Name);
        Assert.Equal(
            [TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(0.4), TimeSpan.FromSeconds(0.8), TimeSpan.FromSeconds(4)],
            cadence.Pattern);
        Assert.Equal(TimeSpan.FromSeconds(6), cadence.Period);
    }

    [Fact]
    public void Parse_WhitespaceAroundNumbers_Accepted()
    {
        var cadence = RingCadence.Parse(" 2 / 4 ");
        Assert.Equal(TimeSpan.FromSeconds(6), cadence.Period);
        Assert.Equal("2 / 4", cadence.Name);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2.0")]
    [InlineData("0.4/0.2/0.4")]
    [InlineData("0/4")]
    [InlineData("-1/4")]
    [InlineData("2,0/4,0")]
    [InlineData("abc/4")]
    [InlineData("2.0/40")]
    [InlineData("0.01/4")]
    [InlineData("NaN/4")]
    [InlineData("1/1/1/1/1/1/1/1/1/1/1/1/1/1")]
    public void Parse_InvalidPattern_ThrowsArgumentException(string text)
    {
        var ex = Assert.ThrowsAny<ArgumentException>(() => RingCadence.Parse(text));
        Assert.False(string.IsNullOrWhiteSpace(ex.Message));
        Assert.False(RingCadence.TryParse(text, out _));
    }

    [Fact]
    public void TryParse_Valid_ReturnsCadence()
    {
        Assert.True(RingCadence.TryParse("0.4/0.2/0.4/2.0", out var cadence));
        Assert.Equal(4, cadence!.Pattern.Count);
    }

    [Theory]
    [InlineData("us-standard", "2/4")]
    [InlineData("uk-double", "0.4/0.2/0.4/2")]
    [InlineData("distinctive-1", "0.8/0.4/0.8/4")]
    [InlineData("distinctive-2", "0.4/0.2/0.4/0.2/0.8/4")]
    [InlineData("short-short", "0.5/0.3/0.5/3")]
    public void TryGet_KnownName_ReturnsExpectedPattern(string name, string expected)
    {
        Assert.True(RingCadences.TryGet(name, out var cadence));
        Assert.Equal(name, cadence.Name);
        Assert.Equal(RingCadence.Parse(expected).Pattern, cadence.Pattern);
        Assert.Contains(name, RingCadences.Names);
    }

    [Fact]
    public void TryGet_DifferentCase_Found()
    {
        Assert.True(RingCadences.TryGet("US-Standard", out var cadence));
        Assert.Same(RingCadences.UsStandard, cadence);
    }

    [Fact]
    public void TryGet_UnknownName_False()
    {
        Assert.False(RingCadences.TryGet("does-not-exist", out var cadence));
        Assert.Null(cadence);
    }

    [Fact]
    public void Names_Catalog_IsReadOnly()
    {
        var names = RingCadences.Names;
        Assert.True(names.Count >= 5);
        Assert.IsNotType<List<string>>(names);
        Assert.Throws<NotSupportedException>(() => ((ICollection<string>)names).Add("x"));
    }
}
