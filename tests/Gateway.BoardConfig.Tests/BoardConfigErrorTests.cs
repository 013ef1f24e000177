namespace Gateway.BoardConfig.Tests;

public sealed class BoardConfigErrorTests
{
    [Fact]
    public void ToString_Always_IsFileThenPathThenMessage()
    {
        var error = new BoardConfigError("board-config/bench.json", "$.stations[0].hook.pin", "GPIO pin 99 is out of range 0..53");

        Assert.Equal("board-config/bench.json: $.stations[0].hook.pin: GPIO pin 99 is out of range 0..53", error.ToString());
    }
}
