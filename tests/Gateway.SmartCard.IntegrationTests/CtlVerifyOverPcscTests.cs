using Gateway.Ctl;
using Spectre.Console;

namespace Gateway.SmartCard.IntegrationTests;

/// <summary><c>gatewayctl card verify --reader</c> in-process against a virtual card in the fixture's vpcd reader.</summary>
[Collection(PcscdGroup.Name)]
public sealed class CtlVerifyOverPcscTests(PcscdFixture pcscd) : IAsyncLifetime
{
    private readonly string _tempDir = Directory.CreateTempSubdirectory("ctl-verify-pcsc-").FullName;
    private PcscTestReader? _reader;

    private string PinFile => Path.Combine(_tempDir, "card.pin");

    public async Task InitializeAsync()
    {
        _reader = await PcscTestReader.StartAsync(pcscd);
        await File.WriteAllTextAsync(PinFile, Cards.Pin + "\n");
    }

    public async Task DisposeAsync()
    {
        if (_reader is not null)
        {
            await _reader.DisposeAsync();
        }

        Directory.Delete(_tempDir, recursive: true);
    }

    [Fact]
    public async Task VerifyReader_RightPinAndPassword_EveryAlgorithmOk()
    {
        var card = Cards.Applet();
        await using var connection = await _reader!.InsertAsync(card);

        var (exitCode, output, console) = await RunAsync(Cards.Password + "\n", "card", "verify", "--reader", PcscdFixture.Reader, "--pin-file", PinFile, "--password-stdin");

        Assert.True(exitCode == 0, console + output);
        Assert.Contains("ok   MD5: the card's response matches the password", output, StringComparison.Ordinal);
        Assert.Contains("ok   SHA-256: the card's response matches the password", output, StringComparison.Ordinal);
        Assert.Equal(3, card.PinTriesLeft);
    }

    [Fact]
    public async Task VerifyReader_WrongPassword_FailsPerAlgorithm()
    {
        await using var connection = await _reader!.InsertAsync(Cards.Applet());

        var (exitCode, output, console) = await RunAsync("not-the-password\n", "card", "verify", "--reader", PcscdFixture.Reader, "--pin-file", PinFile, "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains("FAIL MD5", output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 algorithm(s) did not match the password", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyReader_WrongPin_RefusedWithTriesLeft()
    {
        var card = Cards.Applet();
        await using var connection = await _reader!.InsertAsync(card);
        await File.WriteAllTextAsync(PinFile, "0000\n");

        var (exitCode, _, console) = await RunAsync(Cards.Password + "\n", "card", "verify", "--reader", PcscdFixture.Reader, "--pin-file", PinFile, "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains("refused the session: pin-wrong (2 PIN tries left)", console, StringComparison.Ordinal);
        Assert.Equal(2, card.PinTriesLeft);
    }

    [Fact]
    public async Task VerifyReader_PinCardWithoutPinFile_AsksForPinFile()
    {
        await using var connection = await _reader!.InsertAsync(Cards.Applet());

        var (exitCode, _, console) = await RunAsync(Cards.Password + "\n", "card", "verify", "--reader", PcscdFixture.Reader, "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains("pin-cancelled", console, StringComparison.Ordinal);
        Assert.Contains("--pin-file", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyReader_EmptyReader_SaysNoCard()
    {
        MonitorEvents.WaitUntilEmpty(_reader!.Context, PcscdFixture.Reader);

        var (exitCode, _, console) = await RunAsync(Cards.Password + "\n", "card", "verify", "--reader", PcscdFixture.Reader, "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains($"no card in '{PcscdFixture.Reader}'", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyReader_UnknownReader_ListsKnownReaders()
    {
        var (exitCode, _, console) = await RunAsync(Cards.Password + "\n", "card", "verify", "--reader", "No Such Reader 00 00", "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains("cannot use reader 'No Such Reader 00 00'", console, StringComparison.Ordinal);
        Assert.Contains($"\"{PcscdFixture.Reader}\"", console, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output, string Console)> RunAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var consoleText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(consoleText), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;

        var exitCode = await GatewayCtlApp.Create(output, console, new StringReader(stdin ?? string.Empty)).RunAsync(args);

        return (exitCode, output.ToString(), consoleText.ToString());
    }
}
