using Gateway.Host.Cards;

namespace Gateway.Host.Tests;

public sealed class CardMessagesTests
{
    [Theory]
    [InlineData("not-supported", null, 20, "Card not supported|Remove card")]
    [InlineData("not-supported", null, 16, "Card not|supported")]
    [InlineData("storage-card-refused", null, 20, "Card not supported|Remove card")]
    [InlineData("pin-wrong", 2, 20, "Wrong PIN, 2 left|Remove card")]
    [InlineData("pin-wrong", 2, 16, "Wrong PIN|2 left")]
    [InlineData("pin-blocked", 0, 16, "Card blocked|Remove card")]
    [InlineData("expired", null, 16, "Card expired|Remove card")]
    [InlineData("corrupt-profile", null, 16, "Card unreadable|Remove card")]
    public void ForRejection_ReasonAndWidth_FitsTheDisplay(string reason, int? triesLeft, int columns, string expected)
    {
        var lines = CardMessages.ForRejection(reason, triesLeft, columns);

        Assert.Equal(expected, string.Join('|', lines));
        Assert.All(lines, line => Assert.True(line.Length <= columns, line));
    }
}
