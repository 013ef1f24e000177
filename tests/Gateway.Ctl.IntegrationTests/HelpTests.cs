namespace Gateway.Ctl.IntegrationTests;

/// <summary>Every gatewayctl command's --help renders (no markup accidents) with examples and exit codes.</summary>
public sealed class HelpTests
{
    [Theory]
    [InlineData("package")]
    [InlineData("flash")]
    [InlineData("status")]
    [InlineData("logs")]
    [InlineData("events")]
    [InlineData("sip", "lint")]
    [InlineData("subscriber", "add")]
    [InlineData("subscriber", "list")]
    [InlineData("subscriber", "remove")]
    [InlineData("card", "new")]
    [InlineData("card", "show")]
    [InlineData("card", "verify")]
    public async Task Help_EveryCommand_ExamplesAndExitCodes(params string[] command)
    {
        var (exitCode, _, console) = await Ctl.RunAsync([.. command, "--help"]);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("error:", console, StringComparison.Ordinal);
        Assert.Contains("EXAMPLES:", console, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 ", console, StringComparison.Ordinal);
        Assert.Contains("OPTIONS:", console, StringComparison.Ordinal);
    }
}
