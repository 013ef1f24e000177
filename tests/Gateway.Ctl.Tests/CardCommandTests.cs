using System.Text;
using System.Text.Json;
using Gateway.Ctl.Commands.Cards;
using Gateway.NetworkServer;
using Gateway.Sip.Auth;
using Spectre.Console;

namespace Gateway.Ctl.Tests;

public sealed class CardCommandTests : IDisposable
{
    private const string Password = "Harbour-Lights-4410";
    private const string Pin = "8642";
    private readonly string _tempDir = Directory.CreateTempSubdirectory("gatewayctl-card-").FullName;

    private string Db => Path.Combine(_tempDir, "ns.sqlite");

    private string Card => Path.Combine(_tempDir, "alice.card.json");

    private static string Md5Ha1 => DigestCalculator.Ha1(DigestHashFunction.Md5, "alice", "example.com", Password);

    private static string Sha256Ha1 => DigestCalculator.Ha1(DigestHashFunction.Sha256, "alice", "example.com", Password);

    private static string ExampleCard
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Gateway.sln")))
                {
                    return Path.Combine(dir.FullName, "tools", "virtual-card", "cards", "example-applet.json");
                }
            }

            throw new DirectoryNotFoundException("Gateway.sln not found above the test binaries");
        }
    }

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static async Task<(int ExitCode, string Output, string Console)> RunAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var consoleText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(consoleText), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 400;

        var exitCode = await GatewayCtlApp.Create(output, console, new StringReader(stdin ?? string.Empty)).RunAsync(args);

        return (exitCode, output.ToString(), consoleText.ToString());
    }

    private Task<(int ExitCode, string Output, string Console)> NewAsync(params string[] extra) =>
        RunAsync(Password + "\n", ["card", "new", "--subscriber", "alice", "--realm", "example.com", "--number", "5551234567",
            "--display-name", "Alice Liddell", "--password-stdin", "--out", Card, .. extra]);

    private string Write(string name, string content)
    {
        var path = Path.Combine(_tempDir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public async Task New_ValidArguments_WritesCardWithHa1PerAlgorithmAndNoPassword()
    {
        var (exitCode, output, _) = await NewAsync("--pin", Pin, "--registrar", "sip:127.0.0.1:5060", "--expiry", "2099-12-31", "--cadence", "distinctive-1");

        Assert.Equal(CardExitCodes.Ok, exitCode);
        Assert.StartsWith("wrote card FM-", output, StringComparison.Ordinal);
        var json = JsonDocument.Parse(await File.ReadAllTextAsync(Card)).RootElement;
        Assert.Equal(Md5Ha1, json.GetProperty("ha1").GetProperty("MD5").GetString());
        Assert.Equal(Sha256Ha1, json.GetProperty("ha1").GetProperty("SHA-256").GetString());
        Assert.Equal(Pin, json.GetProperty("pin").GetString());
        var profile = json.GetProperty("profile");
        Assert.Equal("+15551234567", profile.GetProperty("followMeNumber").GetString());
        Assert.Equal("sip:alice@example.com", profile.GetProperty("sipAor").GetString());
        Assert.Equal("2099-12-31", profile.GetProperty("expiry").GetString());
        Assert.Equal("distinctive-1", profile.GetProperty("ringCadence").GetString());
        Assert.DoesNotContain(Password, await File.ReadAllTextAsync(Card), StringComparison.Ordinal);
        Assert.DoesNotContain(Pin, output, StringComparison.Ordinal);
        Assert.DoesNotContain(Md5Ha1, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_WithDb_ProvisionsSubscriberWithTheCardsHa1()
    {
        var (exitCode, output, _) = await NewAsync("--db", Db);

        Assert.Equal(0, exitCode);
        Assert.Contains("added subscriber alice in realm example.com", output, StringComparison.Ordinal);
        var stored = await new SubscriberStore(Db, "example.com").GetAsync("alice");
        Assert.NotNull(stored);
        Assert.Equal("+15551234567", stored.FollowMeNumber);
        Assert.Equal(Md5Ha1, stored.Ha1);
        Assert.Equal(Sha256Ha1, stored.Ha1Sha256);
        Assert.True(File.Exists(Card));
    }

    [Fact]
    public async Task New_ExistingSubscriber_ExitsOneAndWritesNoCard()
    {
        await RunAsync("other\n", "subscriber", "add", "--db", Db, "--user", "alice", "--realm", "example.com", "--number", "+15550000001", "--password-stdin");

        var (exitCode, _, console) = await NewAsync("--db", Db);

        Assert.Equal(CardExitCodes.Failed, exitCode);
        Assert.Contains("error: subscriber 'alice' already exists in realm 'example.com'; no card was written", console, StringComparison.Ordinal);
        Assert.Contains("hint:", console, StringComparison.Ordinal);
        Assert.False(File.Exists(Card));
        Assert.Equal("+15550000001", (await new SubscriberStore(Db, "example.com").GetAsync("alice"))!.FollowMeNumber);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+0123456789")]
    [InlineData("call-me")]
    public async Task New_InvalidNumber_UsageErrorTwoAndNoFiles(string number)
    {
        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", "new", "--subscriber", "alice", "--realm", "example.com", "--number", number,
            "--display-name", "A", "--password-stdin", "--out", Card, "--db", Db);

        Assert.Equal(GatewayCtlApp.UsageError, exitCode);
        Assert.Contains("is not a routable telephone number", console, StringComparison.Ordinal);
        Assert.False(File.Exists(Card));
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task New_ExpiredDate_UsageErrorTwoFromProfileValidator()
    {
        var (exitCode, _, console) = await NewAsync("--expiry", "2001-01-01", "--db", Db);

        Assert.Equal(2, exitCode);
        Assert.Contains("error: the card profile is not valid: expired", console, StringComparison.Ordinal);
        Assert.False(File.Exists(Card));
        Assert.False(File.Exists(Db));
    }

    [Theory]
    [InlineData("--expiry", "31/12/2030", "is not a date")]
    [InlineData("--pin", "12", "the PIN must be 4-12 digits")]
    [InlineData("--pin", "12a4", "the PIN must be 4-12 digits")]
    public async Task New_BadOption_UsageErrorTwo(string option, string value, string message)
    {
        var (exitCode, _, console) = await NewAsync(option, value);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, console, StringComparison.Ordinal);
        Assert.False(File.Exists(Card));
    }

    [Fact]
    public async Task New_NoPasswordSource_UsageErrorTwo()
    {
        var (exitCode, _, console) = await RunAsync(null, "card", "new", "--subscriber", "alice", "--realm", "example.com", "--number", "+15551234567",
            "--display-name", "A", "--out", Card);

        Assert.Equal(2, exitCode);
        Assert.Contains("a password is required", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_OutFileExists_ExitsOneAndKeepsIt()
    {
        await File.WriteAllTextAsync(Card, "keep me");

        var (exitCode, _, console) = await NewAsync();

        Assert.Equal(1, exitCode);
        Assert.Contains("already exists", console, StringComparison.Ordinal);
        Assert.Equal("keep me", await File.ReadAllTextAsync(Card));
    }

    [Fact]
    public async Task Show_IssuedCard_PrintsPublicContentsButNeverHa1OrPin()
    {
        await NewAsync("--pin", Pin, "--registrar", "sip:127.0.0.1:5060", "--expiry", "2099-12-31", "--cadence", "distinctive-1", "--serial", "FM-4242");

        var (exitCode, output, _) = await RunAsync(null, "card", "show", Card);

        Assert.Equal(0, exitCode);
        Assert.Contains("Follow-me number:    +15551234567", output, StringComparison.Ordinal);
        Assert.Contains("AOR:                 sip:alice@example.com", output, StringComparison.Ordinal);
        Assert.Contains("Display name:        Alice Liddell", output, StringComparison.Ordinal);
        Assert.Contains("Registrars:          sip:127.0.0.1:5060", output, StringComparison.Ordinal);
        Assert.Contains("Ring cadence:        distinctive-1", output, StringComparison.Ordinal);
        Assert.Contains("Serial:              FM-4242", output, StringComparison.Ordinal);
        Assert.Contains("Expiry:              2099-12-31", output, StringComparison.Ordinal);
        Assert.Contains("PIN required:        yes", output, StringComparison.Ordinal);
        Assert.Contains("Algorithms:          MD5, SHA-256", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Md5Ha1, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Sha256Ha1, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Pin, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_Json_HasPublicFieldsButNeverHa1OrPin()
    {
        await NewAsync("--pin", Pin);

        var (exitCode, output, _) = await RunAsync(null, "card", "show", Card, "--json");

        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("+15551234567", json.GetProperty("followMeNumber").GetString());
        Assert.Equal("alice", json.GetProperty("authUser").GetString());
        Assert.True(json.GetProperty("pinRequired").GetBoolean());
        Assert.Equal(["MD5", "SHA-256"], json.GetProperty("algorithms").EnumerateArray().Select(a => a.GetString()));
        Assert.Empty(json.GetProperty("problems").EnumerateArray());
        Assert.False(json.TryGetProperty("ha1", out _));
        Assert.False(json.TryGetProperty("pin", out _));
        Assert.DoesNotContain(Md5Ha1, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Sha256Ha1, output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Pin, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_ExampleCard_ListsFiltersSpeedDialsAndDefaultDestination()
    {
        var (exitCode, output, _) = await RunAsync(null, "card", "show", ExampleCard);

        Assert.Equal(0, exitCode);
        Assert.Contains("  1. anonymous  All  00:00-00:00  Voicemail", output, StringComparison.Ordinal);
        Assert.Contains("  2. +351*  Weekdays  09:00-18:00  Ring", output, StringComparison.Ordinal);
        Assert.Contains("  Home: +351219999999", output, StringComparison.Ordinal);
        Assert.Contains("Default destination: sip:vm-traveller@voip.example", output, StringComparison.Ordinal);
        Assert.Contains("Codecs:              PCMA, PCMU", output, StringComparison.Ordinal);
        Assert.DoesNotContain("ed6db2b9d1ca4eebdfc603eeb7e728cd", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2468", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show")]
    [InlineData("verify")]
    public async Task Command_MissingFile_UsageErrorTwo(string command)
    {
        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", command, Path.Combine(_tempDir, "absent.json"), "--password-stdin");

        Assert.Equal(2, exitCode);
        Assert.Contains("card file not found", console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show", "{ \"kind\": \"Applet\", \"profile\": ")]
    [InlineData("verify", "{ \"kind\": \"Applet\", \"profile\": ")]
    [InlineData("show", "not json at all")]
    [InlineData("verify", "null")]
    public async Task Command_CorruptJson_ExitsOneWithOneErrorLine(string command, string content)
    {
        var file = Write("corrupt.json", content);

        var (exitCode, output, console) = await RunAsync(Password + "\n", "card", command, file, "--password-stdin");

        Assert.Equal(CardExitCodes.Failed, exitCode);
        Assert.Empty(output);
        Assert.StartsWith($"error: {file} is not a valid card file", console, StringComparison.Ordinal);
        Assert.Contains("hint:", console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("show", "{ \"ha1\": { \"MD5\": \"ed6db2b9d1ca4eebdfc603eeb7e728cd\" } }")]
    [InlineData("verify", "{ \"ha1\": { \"MD5\": \"ed6db2b9d1ca4eebdfc603eeb7e728cd\" } }")]
    [InlineData("verify", "{ \"profile\": { \"followMeNumber\": \"+15551234567\", \"sipAor\": \"sip:a@r\", \"authUser\": \"a\", \"realm\": \"r\" } }")]
    [InlineData("verify", "{ \"ha1\": null, \"profile\": null }")]
    [InlineData("verify", "{ \"ha1\": { \"MD5\": \"zz\" }, \"profile\": { \"followMeNumber\": \"+15551234567\", \"sipAor\": \"sip:a@r\", \"authUser\": \"a\", \"realm\": \"r\" } }")]
    public async Task Command_FileWithoutHa1OrProfile_ExitsOneWithClearError(string command, string content)
    {
        var file = Write("partial.json", content);

        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", command, file, "--password-stdin");

        Assert.Equal(CardExitCodes.Failed, exitCode);
        Assert.StartsWith("error: ", console, StringComparison.Ordinal);
        Assert.DoesNotContain("Object reference", console, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CardIssuedWithDb_MatchesStoredHa1ForEveryAlgorithm()
    {
        await NewAsync("--pin", Pin, "--db", Db);

        var (exitCode, output, console) = await RunAsync(null, "card", "verify", Card, "--db", Db);

        Assert.True(exitCode == 0, console);
        Assert.Contains("ok   MD5: the card's response matches the subscriber database", output, StringComparison.Ordinal);
        Assert.Contains("ok   SHA-256: the card's response matches the subscriber database", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RightPassword_ExitsZero()
    {
        await NewAsync();

        var (exitCode, output, _) = await RunAsync(Password + "\n", "card", "verify", Card, "--password-stdin");

        Assert.Equal(0, exitCode);
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("ok   ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_ExampleCardWithItsPassword_ExitsZero()
    {
        var (exitCode, output, console) = await RunAsync("s3cret-Pa55\n", "card", "verify", ExampleCard, "--password-stdin");

        Assert.True(exitCode == 0, console);
        Assert.Contains("ok   MD5", output, StringComparison.Ordinal);
        Assert.Contains("ok   SHA-256", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_MismatchingPassword_ExitsOneWithLinePerMismatch()
    {
        await NewAsync("--pin", Pin);

        var (exitCode, output, console) = await RunAsync("not-the-password\n", "card", "verify", Card, "--password-stdin");

        Assert.Equal(CardExitCodes.Failed, exitCode);
        Assert.Contains("FAIL MD5: the card's response does not match the password", output, StringComparison.Ordinal);
        Assert.Contains("FAIL SHA-256: the card's response does not match the password", output, StringComparison.Ordinal);
        Assert.Contains("error: 2 of 2 algorithm(s) did not match the password", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DbHoldsAnotherPassword_ExitsOne()
    {
        await RunAsync("other-password\n", "subscriber", "add", "--db", Db, "--user", "alice", "--realm", "example.com", "--number", "+15551234567", "--password-stdin");
        await NewAsync();

        var (exitCode, output, _) = await RunAsync(null, "card", "verify", Card, "--db", Db);

        Assert.Equal(1, exitCode);
        Assert.Equal(2, output.Split('\n').Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Verify_SubscriberNotInDb_ExitsOne()
    {
        await RunAsync("pw\n", "subscriber", "add", "--db", Db, "--user", "bob", "--realm", "example.com", "--number", "+15551230002", "--password-stdin");
        await NewAsync();

        var (exitCode, _, console) = await RunAsync(null, "card", "verify", Card, "--db", Db);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: no subscriber 'alice' in realm 'example.com'", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PinBlockedInFile_ExitsOneCardRefused()
    {
        await NewAsync("--pin", Pin);
        var text = await File.ReadAllTextAsync(Card);
        await File.WriteAllTextAsync(Card, text.Replace("\"pinTriesLeft\": 3", "\"pinTriesLeft\": 0", StringComparison.Ordinal));

        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", "verify", Card, "--password-stdin");

        Assert.Equal(1, exitCode);
        Assert.Contains("error: the card refused the session: pin-blocked", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ExpiredCard_ExitsOneAndShowListsTheProblem()
    {
        await NewAsync();
        var text = await File.ReadAllTextAsync(Card);
        await File.WriteAllTextAsync(Card, text.Replace("\"expiry\": null", "\"expiry\": \"2001-01-01\"", StringComparison.Ordinal));

        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", "verify", Card, "--password-stdin");
        var show = await RunAsync(null, "card", "show", Card);

        Assert.Equal(1, exitCode);
        Assert.Contains("error: the card refused the session: expired", console, StringComparison.Ordinal);
        Assert.Equal(0, show.ExitCode);
        Assert.Contains("Problems:            expired", show.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NothingToVerifyAgainst_UsageErrorTwo()
    {
        await NewAsync();

        var (exitCode, _, console) = await RunAsync(null, "card", "verify", Card);

        Assert.Equal(2, exitCode);
        Assert.Contains("nothing to verify against", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_FileAndReaderTogether_UsageErrorTwo()
    {
        await NewAsync();

        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", "verify", Card, "--reader", "Virtual PCD 00 00", "--password-stdin");

        Assert.Equal(2, exitCode);
        Assert.Contains("give either a card file or --reader, not both", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NeitherFileNorReader_UsageErrorTwo()
    {
        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", "verify", "--password-stdin");

        Assert.Equal(2, exitCode);
        Assert.Contains("nothing to verify", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_PinFileWithCardFile_UsageErrorTwo()
    {
        await NewAsync();
        var pin = Write("card.pin", Pin);

        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", "verify", Card, "--pin-file", pin, "--password-stdin");

        Assert.Equal(2, exitCode);
        Assert.Contains("--pin-file is for a card in a reader", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_ReaderWithMissingPinFile_UsageErrorTwo()
    {
        var (exitCode, _, console) = await RunAsync(Password + "\n", "card", "verify", "--reader", "Virtual PCD 00 00", "--pin-file", Path.Combine(_tempDir, "absent.pin"), "--password-stdin");

        Assert.Equal(2, exitCode);
        Assert.Contains("PIN file not found", console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new", "gatewayctl card new --subscriber alice")]
    [InlineData("show", "gatewayctl card show alice.card.json")]
    [InlineData("verify", "gatewayctl card verify alice.card.json --db ns.sqlite")]
    [InlineData("verify", "gatewayctl card verify --reader")]
    public async Task Help_EachCommand_DocumentsExamplesAndExitCodes(string command, string example)
    {
        var (exitCode, _, console) = await RunAsync(null, "card", command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Exit codes: 0 ok; 1 operation failed", console, StringComparison.Ordinal);
        Assert.Contains(example, console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task New_PasswordNeverWrittenToAnyFile()
    {
        await NewAsync("--db", Db);

        var needle = Encoding.UTF8.GetBytes(Password);
        Assert.All(Directory.GetFiles(_tempDir), f => Assert.Equal(-1, File.ReadAllBytes(f).AsSpan().IndexOf(needle)));
    }
}
