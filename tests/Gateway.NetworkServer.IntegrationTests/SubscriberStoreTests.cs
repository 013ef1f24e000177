using System.Text;
using Microsoft.Data.Sqlite;

namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>SubscriberStore against a real database made by create-db.sh (no Kamailio needed).</summary>
public sealed class SubscriberStoreTests : IAsyncLifetime
{
    private const string Realm = "127.0.0.1";
    private readonly string _folder = Directory.CreateTempSubdirectory("subscriber-store-").FullName;
    private string DatabasePath => Path.Combine(_folder, "ns.db");

    public Task InitializeAsync() => NetworkServerDatabase.CreateAsync(DatabasePath);

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AddAsync_NewSubscriber_StoresMd5AndSha256Ha1()
    {
        var store = new SubscriberStore(DatabasePath, Realm);

        await store.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

        var alice = await store.GetAsync("alice");
        Assert.NotNull(alice);
        // md5("alice:127.0.0.1:secret") and sha256 of the same, computed with md5sum/sha256sum.
        Assert.Equal("18af59e93bb3331aac9fe77419a6ec78", alice.Ha1);
        Assert.Equal("a5db9f9d9c64855b97bb32be5251553d53d1de34baf1e917719e8bd0483639c0", alice.Ha1Sha256);
        Assert.Equal(Realm, alice.Domain);
        Assert.Equal("+15551230001", alice.FollowMeNumber);
        Assert.Null(alice.DefaultDestination);
    }

    [Fact]
    public async Task AddAsync_NewSubscriber_NeverStoresPassword()
    {
        var store = new SubscriberStore(DatabasePath, Realm);
        const string password = "Pa55-w0rd-Zebra";

        await store.AddAsync(new NewSubscriber("alice", password, "+15551230001"));

        await using (var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "select password from subscriber where username = 'alice'";
            Assert.Equal(string.Empty, await command.ExecuteScalarAsync());
            command.CommandText = "pragma wal_checkpoint(truncate)";
            await command.ExecuteNonQueryAsync();
        }

        foreach (var file in Directory.EnumerateFiles(_folder))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.DoesNotContain(password, Encoding.Latin1.GetString(bytes), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AddAsync_DialStringNumberAndDefault_StoredAsE164()
    {
        var store = new SubscriberStore(DatabasePath, Realm);

        await store.AddAsync(new NewSubscriber("carol", "pw", "5551230003", "15551230001"));

        var carol = await store.GetAsync("carol");
        Assert.Equal("+15551230003", carol!.FollowMeNumber);
        Assert.Equal("+15551230001", carol.DefaultDestination);
    }

    [Fact]
    public async Task ListAsync_TwoSubscribers_ReturnsBothByUsername()
    {
        var store = new SubscriberStore(DatabasePath, Realm);
        await store.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002", "sip:vm@127.0.0.1:5095"));
        await store.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

        var all = await store.ListAsync();

        Assert.Equal(["alice", "bob"], all.Select(s => s.Username));
        Assert.Equal("sip:vm@127.0.0.1:5095", all[1].DefaultDestination);
    }

    [Fact]
    public async Task RemoveAsync_Existing_RemovesSubscriberAndNumber()
    {
        var store = new SubscriberStore(DatabasePath, Realm);
        await store.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

        Assert.True(await store.RemoveAsync("alice"));

        Assert.Null(await store.GetAsync("alice"));
        Assert.Empty(await store.ListAsync());
        // The number is free again.
        await store.AddAsync(new NewSubscriber("dave", "pw", "+15551230001"));
    }

    [Fact]
    public async Task RemoveAsync_Unknown_ReturnsFalse()
    {
        var store = new SubscriberStore(DatabasePath, Realm);

        Assert.False(await store.RemoveAsync("nobody"));
    }

    [Fact]
    public async Task AddAsync_NumberTaken_Throws()
    {
        var store = new SubscriberStore(DatabasePath, Realm);
        await store.AddAsync(new NewSubscriber("alice", "secret", "+15551230001"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => store.AddAsync(new NewSubscriber("bob", "pw", "15551230001")));
        Assert.Null(await store.GetAsync("bob"));
    }

    [Theory]
    [InlineData("al ice", "+15551230001", null)]
    [InlineData("alice'--", "+15551230001", null)]
    [InlineData("alice", "12345", null)]
    [InlineData("alice", "+15551230001", "voicemail please")]
    public async Task AddAsync_InvalidField_ThrowsArgumentException(string username, string number, string? destination)
    {
        var store = new SubscriberStore(DatabasePath, Realm);

        await Assert.ThrowsAsync<ArgumentException>(() => store.AddAsync(new NewSubscriber(username, "pw", number, destination)));
        Assert.Empty(await store.ListAsync());
    }

    [Fact]
    public async Task SetDefaultDestinationAsync_Existing_Changes()
    {
        var store = new SubscriberStore(DatabasePath, Realm);
        await store.AddAsync(new NewSubscriber("bob", "pw2", "+15551230002", "sip:vm@127.0.0.1:5095"));

        Assert.True(await store.SetDefaultDestinationAsync("bob", null));

        Assert.Null((await store.GetAsync("bob"))!.DefaultDestination);
    }
}
