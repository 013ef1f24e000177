using Gateway.Hardware.Simulated;

namespace Gateway.Hardware.Tests;

public sealed class DisplayTests
{
    [Fact]
    public void Show_LongAndShortLines_TruncatedAndPadded()
    {
        using var display = new SimulatedDisplay();
        display.Show("Insert coin please!", "1");

        Assert.Equal(["Insert coin plea", "1               "], display.Lines);
    }

    [Fact]
    public void Show_MoreLinesThanRows_ExtraDropped()
    {
        using var display = new SimulatedDisplay(8, 2);
        display.Show("a", "b", "c");

        Assert.Equal(["a       ", "b       "], display.Lines);
    }

    [Fact]
    public void Show_NonAscii_MappedForHd44780()
    {
        using var display = new SimulatedDisplay();
        display.Show("Café 20°C", "Grüße 日本");

        Assert.Equal("Cafe 20\u00DFC       ", display.Lines[0]);
        Assert.Equal("Grusse ??        "[..16], display.Lines[1]);
    }

    [Fact]
    public void Clear_AfterShow_Blank()
    {
        using var display = new SimulatedDisplay();
        IReadOnlyList<string>? seen = null;
        display.Changed += (_, lines) => seen = lines;
        display.Show("x");
        display.Clear();

        Assert.Equal([new string(' ', 16), new string(' ', 16)], display.Lines);
        Assert.Same(display.Lines, seen);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(16, 0)]
    [InlineData(41, 2)]
    [InlineData(16, 5)]
    public void Ctor_BadGeometry_Throws(int columns, int rows)
    {
        Assert.ThrowsAny<ArgumentException>(() => new SimulatedDisplay(columns, rows));
    }

    [Fact]
    public void ToDisplayCharacters_Emoji_OneQuestionMarkPerCharacter()
    {
        Assert.Equal("a?b", DisplayText.ToDisplayCharacters("a\U0001F600b"));
        Assert.Equal(string.Empty, DisplayText.ToDisplayCharacters(null));
    }
}
