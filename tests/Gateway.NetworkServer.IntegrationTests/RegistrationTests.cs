using Microsoft.Data.Sqlite;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>REGISTER through the real Kamailio with SIPp: digest challenge, 403s, Expires: 0, follow-me number as AOR.</summary>
public sealed class RegistrationTests : NetworkServerTestBase
{
    [Fact]
    public async Task Register_CorrectPassword_ChallengedThenAccepted()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        var phonePort = LoopbackPorts.GetFree();

        // register.xml requires the 401 before it answers, then the 200.
        var result = await RegisterAsync("alice", "secret", "alice", phonePort);

        AssertSucceeded(result, "REGISTER");
        Assert.Contains("SIP/2.0 401", result.Messages, StringComparison.Ordinal);
        Assert.Equal([$"sip:alice@127.0.0.1:{phonePort}"], await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_OverTcp_ChallengedThenAccepted()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

        var result = await RegisterAsync("alice", "secret", "alice", LoopbackPorts.GetFree(), tcp: true);

        AssertSucceeded(result, "REGISTER over TCP");
        Assert.Contains("SIP/2.0/TCP", result.Messages, StringComparison.Ordinal);
        Assert.Single(await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_WrongPassword_Forbidden()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

        var result = await RegisterAsync("alice", "not-the-password", "alice", LoopbackPorts.GetFree(), scenario: "register-forbidden.xml");

        AssertSucceeded(result, "REGISTER with a wrong password");
        Assert.Empty(await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_UnknownUser_Forbidden()
    {
        var result = await RegisterAsync("mallory", "guess", "mallory", LoopbackPorts.GetFree(), scenario: "register-forbidden.xml");

        AssertSucceeded(result, "REGISTER of an unknown user");
    }

    [Fact]
    public async Task Register_FollowMeNumberAsAor_SavedUnderUsername()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        var phonePort = LoopbackPorts.GetFree();

        var result = await RegisterAsync("alice", "secret", "15551230001", phonePort);

        AssertSucceeded(result, "REGISTER of the follow-me number");
        Assert.Equal([$"sip:15551230001@127.0.0.1:{phonePort}"], await Server.GetContactsAsync("alice"));
    }

    [Fact]
    public async Task Register_AnotherUsersNumber_Forbidden()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        await Subscribers.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002"));

        var result = await RegisterAsync("bob", "pw2", "15551230001", LoopbackPorts.GetFree(), scenario: "register-forbidden.xml");

        AssertSucceeded(result, "bob registering alice's number");
        Assert.Empty(await Server.GetContactsAsync("alice"));
        Assert.Empty(await Server.GetContactsAsync("bob"));
    }

    [Fact]
    public async Task Register_ExpiresZero_RemovesContactAndLocationRow()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        var phonePort = LoopbackPorts.GetFree();
        AssertSucceeded(await RegisterAsync("alice", "secret", "alice", phonePort), "REGISTER");
        Assert.Equal(1, await WaitForLocationRowsAsync("alice", 1));

        var result = await RegisterAsync("alice", "secret", "alice", phonePort, expires: 0);

        AssertSucceeded(result, "REGISTER with Expires: 0");
        Assert.Empty(await Server.GetContactsAsync("alice"));
        Assert.Equal(0, await WaitForLocationRowsAsync("alice", 0));
    }

    [Fact]
    public async Task Register_ServerRestarted_ContactReloadedFromDatabase()
    {
        await Subscribers.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));
        var phonePort = LoopbackPorts.GetFree();
        AssertSucceeded(await RegisterAsync("alice", "secret", "alice", phonePort), "REGISTER");
        Assert.Equal(1, await WaitForLocationRowsAsync("alice", 1));
        await Server.StopAsync();

        await using var restarted = await NetworkServerProcess.StartAsync(new NetworkServerOptions
        {
            DatabasePath = Server.DatabasePath,
            PstnUri = $"sip:127.0.0.1:{PstnPort}",
        });

        Assert.Equal([$"sip:alice@127.0.0.1:{phonePort}"], await restarted.GetContactsAsync("alice"));
    }

    // usrloc db_mode 2 writes on its timer (1 s here); ul.flush cannot help,
    // because the RPC process has no database connection.
    private async Task<long> WaitForLocationRowsAsync(string username, long expected)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        long count;
        while ((count = await CountLocationRowsAsync(username)) != expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        return count;
    }

    private async Task<long> CountLocationRowsAsync(string username)
    {
        await using var connection = new SqliteConnection($"Data Source={Server.DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "select count(*) from location where username = $u";
        command.Parameters.AddWithValue("$u", username);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
