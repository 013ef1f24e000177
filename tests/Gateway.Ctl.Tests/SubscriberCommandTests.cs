using System.Text;
using System.Text.Json;
using Gateway.Ctl.Commands.Subscribers;
using Gateway.NetworkServer;
using Spectre.Console;

namespace Gateway.Ctl.Tests;

public sealed class SubscriberCommandTests : IDisposable
{
    private const string Password = "Zebra-Crossing-7731";
    private readonly string _tempDir = Directory.CreateTempSubdirectory("gatewayctl-subscriber-").FullName;

    private string Db => Path.Combine(_tempDir, "ns.sqlite");

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    private static async Task<(int ExitCode, string Output, string Console)> RunAsync(string? stdin, params string[] args)
    {
        var output = new StringWriter();
        var consoleText = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(consoleText), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 240;

        var exitCode = await GatewayCtlApp.Create(output, console, new StringReader(stdin ?? string.Empty)).RunAsync(args);

        return (exitCode, output.ToString(), consoleText.ToString());
    }

    private Task<(int ExitCode, string Output, string Console)> AddAsync(string user, string number, string realm = "example.com", params string[] extra) =>
        RunAsync(Password + "\n", ["subscriber", "add", "--db", Db, "--user", user, "--realm", realm, "--number", number, "--password-stdin", .. extra]);

    [Fact]
    public async Task Add_MissingDatabase_CreatesItAndStoresHa1OfStdinPassword()
    {
        var (exitCode, output, _) = await AddAsync("alice", "5551234567");

        Assert.Equal(SubscriberExitCodes.Ok, exitCode);
        Assert.Equal("added alice in realm example.com, follow-me number +15551234567", output.TrimEnd());
        var stored = await new SubscriberStore(Db, "example.com").GetAsync("alice");
        Assert.NotNull(stored);
        Assert.Equal(DigestHa1.Md5("alice", "example.com", Password), stored.Ha1);
        Assert.Equal(DigestHa1.Sha256("alice", "example.com", Password), stored.Ha1Sha256);
    }

    [Fact]
    public async Task Add_Password_NeverWrittenToAnyDatabaseFile()
    {
        await AddAsync("alice", "+15551234567");
        await RunAsync(null, "subscriber", "add", "--db", Db, "--user", "bob", "--realm", "example.com", "--number", "+15551230002", "--password", Password);

        var needle = Encoding.UTF8.GetBytes(Password);
        var files = Directory.GetFiles(_tempDir);
        Assert.Contains(Db, files);
        Assert.All(files, f => Assert.Equal(-1, File.ReadAllBytes(f).AsSpan().IndexOf(needle)));
    }

    [Fact]
    public async Task Add_PasswordFile_UsesFirstLineOnly()
    {
        var file = Path.Combine(_tempDir, "pw");
        await File.WriteAllTextAsync(file, "first-line\nsecond-line\n");

        var (exitCode, _, _) = await RunAsync(null, "subscriber", "add", "--db", Db, "--user", "carol", "--realm", "r.example", "--number", "+442071234567", "--password-file", file);

        Assert.Equal(0, exitCode);
        Assert.Equal(DigestHa1.Md5("carol", "r.example", "first-line"), (await new SubscriberStore(Db, "r.example").GetAsync("carol"))!.Ha1);
    }

    [Fact]
    public async Task Add_PasswordArgument_WorksWithWarning()
    {
        var (exitCode, _, console) = await RunAsync(null, "subscriber", "add", "--db", Db, "--user", "dave", "--realm", "example.com", "--number", "+15551230009", "--password", "pw");

        Assert.Equal(0, exitCode);
        Assert.Contains("warning: --password is visible to other users in 'ps'", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_DuplicateUser_ExitsOneWithErrorAndHint()
    {
        await AddAsync("alice", "+15551234567");

        var (exitCode, output, console) = await AddAsync("alice", "+15551234568");

        Assert.Equal(SubscriberExitCodes.Failed, exitCode);
        Assert.Empty(output);
        var lines = console.TrimEnd().Split('\n');
        Assert.Equal("error: subscriber 'alice' already exists in realm 'example.com'", lines[0].TrimEnd());
        Assert.StartsWith("hint: remove it first", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_DuplicateNumber_ExitsOne()
    {
        await AddAsync("alice", "+15551234567");

        var (exitCode, _, console) = await AddAsync("bob", "15551234567");

        Assert.Equal(1, exitCode);
        Assert.Contains("number 15551234567 already belongs to another subscriber", console, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("12345")]
    [InlineData("+0123456789")]
    [InlineData("call-me")]
    public async Task Add_InvalidNumber_UsageErrorTwoAndNoDatabase(string number)
    {
        var (exitCode, _, console) = await AddAsync("alice", number);

        Assert.Equal(GatewayCtlApp.UsageError, exitCode);
        Assert.Contains("is not a routable telephone number", console, StringComparison.Ordinal);
        Assert.Contains("hint:", console, StringComparison.Ordinal);
        Assert.False(File.Exists(Db));
    }

    [Fact]
    public async Task Add_InvalidUsername_UsageErrorTwo()
    {
        var (exitCode, _, console) = await AddAsync("al ice", "+15551234567");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not a valid username", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_NoPasswordSource_UsageErrorTwo()
    {
        var (exitCode, _, console) = await RunAsync(null, "subscriber", "add", "--db", Db, "--user", "a", "--realm", "r", "--number", "+15551234567");

        Assert.Equal(2, exitCode);
        Assert.Contains("a password is required", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_TwoPasswordSources_UsageErrorTwo() =>
        Assert.Equal(2, (await AddAsync("alice", "+15551234567", "example.com", "--password", "x")).ExitCode);

    [Fact]
    public async Task Add_EmptyStdin_UsageErrorTwo()
    {
        var (exitCode, _, console) = await RunAsync(string.Empty, "subscriber", "add", "--db", Db, "--user", "a", "--realm", "r", "--number", "+15551234567", "--password-stdin");

        Assert.Equal(2, exitCode);
        Assert.Contains("the password is empty", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_Json_PrintsSubscriberWithoutHa1()
    {
        var (_, output, _) = await AddAsync("alice", "+15551234567", "example.com", "--default-destination", "sip:vm@example.com", "--json");

        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("alice", json.GetProperty("user").GetString());
        Assert.Equal("+15551234567", json.GetProperty("followMeNumber").GetString());
        Assert.Equal("sip:vm@example.com", json.GetProperty("defaultDestination").GetString());
        Assert.Contains("\"+15551234567\"", output, StringComparison.Ordinal);
        Assert.False(json.TryGetProperty("ha1", out _));
    }

    [Fact]
    public async Task List_Table_ShowsEveryColumnButNoHa1()
    {
        await AddAsync("alice", "+15551234567", "example.com", "--default-destination", "sip:vm@example.com");
        await AddAsync("bob", "+15551230002");

        var (exitCode, output, _) = await RunAsync(null, "subscriber", "list", "--db", Db);

        Assert.Equal(0, exitCode);
        Assert.Contains("Follow-me number", output, StringComparison.Ordinal);
        Assert.Contains("Default destination", output, StringComparison.Ordinal);
        var aliceRow = output.Split('\n').Single(l => l.Contains("alice", StringComparison.Ordinal));
        Assert.Contains("+15551234567", aliceRow, StringComparison.Ordinal);
        Assert.Contains("sip:vm@example.com", aliceRow, StringComparison.Ordinal);
        Assert.DoesNotContain(DigestHa1.Md5("alice", "example.com", Password), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_Json_CoversEveryRealmInOrder()
    {
        await AddAsync("bob", "+15551230002", "b.example");
        await AddAsync("alice", "+15551234567", "a.example");

        var (_, output, _) = await RunAsync(null, "subscriber", "list", "--db", Db, "--json");

        var rows = JsonDocument.Parse(output).RootElement.EnumerateArray().ToArray();
        Assert.Equal(["a.example", "b.example"], rows.Select(r => r.GetProperty("realm").GetString()));
        Assert.All(rows, r => Assert.Equal(4, r.EnumerateObject().Count()));
    }

    [Fact]
    public async Task List_RealmFilter_OnlyThatRealm()
    {
        await AddAsync("bob", "+15551230002", "b.example");
        await AddAsync("alice", "+15551234567", "a.example");

        var (_, output, _) = await RunAsync(null, "subscriber", "list", "--db", Db, "--realm", "b.example", "--json");

        Assert.Equal("bob", Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray()).GetProperty("user").GetString());
    }

    [Fact]
    public async Task List_MissingDatabase_UsageErrorTwo()
    {
        var (exitCode, _, console) = await RunAsync(null, "subscriber", "list", "--db", Db);

        Assert.Equal(2, exitCode);
        Assert.Contains("database not found", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_Existing_RemovesItFromList()
    {
        await AddAsync("alice", "+15551234567");

        var (exitCode, output, _) = await RunAsync(null, "subscriber", "remove", "--db", Db, "--user", "alice");
        var list = await RunAsync(null, "subscriber", "list", "--db", Db);

        Assert.Equal(0, exitCode);
        Assert.Equal("removed alice from realm example.com", output.TrimEnd());
        Assert.Equal("no subscribers", list.Output.TrimEnd());
    }

    [Fact]
    public async Task Remove_NotFound_ExitsOneWithHint()
    {
        await AddAsync("alice", "+15551234567");

        var (exitCode, _, console) = await RunAsync(null, "subscriber", "remove", "--db", Db, "--user", "zed", "--realm", "example.com");

        Assert.Equal(SubscriberExitCodes.Failed, exitCode);
        Assert.Contains("error: no subscriber 'zed' in realm 'example.com'", console, StringComparison.Ordinal);
        Assert.Contains("hint: see 'gatewayctl subscriber list", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_SameUserInTwoRealms_NeedsRealm()
    {
        await AddAsync("alice", "+15551234567", "a.example");
        await AddAsync("alice", "+15551234568", "b.example");

        var ambiguous = await RunAsync(null, "subscriber", "remove", "--db", Db, "--user", "alice");
        var (exitCode, output, _) = await RunAsync(null, "subscriber", "remove", "--db", Db, "--user", "alice", "--realm", "b.example", "--json");

        Assert.Equal(2, ambiguous.ExitCode);
        Assert.Contains("say which one with --realm", ambiguous.Console, StringComparison.Ordinal);
        Assert.Equal(0, exitCode);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal("b.example", json.GetProperty("realm").GetString());
        Assert.True(json.GetProperty("removed").GetBoolean());
        Assert.NotNull(await new SubscriberStore(Db, "a.example").GetAsync("alice"));
    }

    [Fact]
    public async Task Remove_MissingUserOption_UsageErrorTwo()
    {
        await AddAsync("alice", "+15551234567");

        Assert.Equal(2, (await RunAsync(null, "subscriber", "remove", "--db", Db)).ExitCode);
    }

    [Theory]
    [InlineData("add")]
    [InlineData("list")]
    [InlineData("remove")]
    public async Task Help_EachCommand_DocumentsExamplesAndExitCodes(string command)
    {
        var (exitCode, _, console) = await RunAsync(null, "subscriber", command, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("Exit codes: 0 ok; 1 operation failed", console, StringComparison.Ordinal);
        Assert.Contains($"gatewayctl subscriber {command} --db ns.sqlite", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_FileIsNotADatabase_ExitsOneWithHint()
    {
        await File.WriteAllTextAsync(Db, "this is not SQLite, just text long enough to have a header of some sort");

        var (exitCode, _, console) = await RunAsync(null, "subscriber", "list", "--db", Db);

        Assert.Equal(SubscriberExitCodes.Failed, exitCode);
        Assert.Contains($"error: cannot read {Db}", console, StringComparison.Ordinal);
        Assert.Contains("hint:", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_MissingPasswordFile_UsageErrorTwo()
    {
        var (exitCode, _, console) = await RunAsync(null, "subscriber", "add", "--db", Db, "--user", "a", "--realm", "r", "--number", "+15551234567",
            "--password-file", Path.Combine(_tempDir, "absent"));

        Assert.Equal(2, exitCode);
        Assert.Contains("password file not found", console, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SipLint_StillRegisteredBesideSubscriber()
    {
        var (exitCode, _, console) = await RunAsync(null, "--help");

        Assert.Equal(0, exitCode);
        Assert.Contains("sip", console, StringComparison.Ordinal);
        Assert.Contains("subscriber", console, StringComparison.Ordinal);
    }
}
