namespace Gateway.NetworkServer.IntegrationTests;

public class FollowMeNumberTests
{
    [Theory]
    [InlineData("+15551230001", "+15551230001")]
    [InlineData("15551230001", "+15551230001")]
    [InlineData("5551230001", "+15551230001")]
    [InlineData("011442071234567", "+442071234567")]
    public void TryNormalize_DialString_ReturnsE164(string dialed, string expected)
    {
        Assert.True(FollowMeNumber.TryNormalize(dialed, out var e164));
        Assert.Equal(expected, e164);
    }

    [Theory]
    [InlineData("")]
    [InlineData("alice")]
    [InlineData("1555123")]
    [InlineData("0551230001")]
    [InlineData("+0551230001")]
    [InlineData("25551230001")]
    public void TryNormalize_NotANumber_ReturnsFalse(string dialed)
    {
        Assert.False(FollowMeNumber.TryNormalize(dialed, out var e164));
        Assert.Null(e164);
    }
}
