namespace Gateway.NetworkServer.IntegrationTests;

/// <summary>DeviceSurchargeStore against a real database made by create-db.sh.</summary>
public sealed class DeviceSurchargeStoreTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("surcharge-store-").FullName;
    private string DatabasePath => Path.Combine(_folder, "ns.db");

    public Task InitializeAsync() => NetworkServerDatabase.CreateAsync(DatabasePath);

    public Task DisposeAsync()
    {
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task SetAsync_Twice_KeepsLast()
    {
        var surcharges = new DeviceSurchargeStore(DatabasePath);

        await surcharges.SetAsync("lobby-1", 50, "Lobby");
        await surcharges.SetAsync("lobby-1", 75, "Lobby");

        Assert.Equal(75, await surcharges.GetAsync("lobby-1"));
    }

    [Fact]
    public async Task GetAsync_UnknownDevice_ReturnsNull()
    {
        var surcharges = new DeviceSurchargeStore(DatabasePath);
        await surcharges.SetAsync("lobby-1", 50);

        Assert.Null(await surcharges.GetAsync("lobby-2"));
    }

    [Theory]
    [InlineData("lobby 1")]
    [InlineData("lobby'1")]
    [InlineData("")]
    public async Task SetAsync_InvalidDeviceId_Throws(string deviceId)
    {
        var surcharges = new DeviceSurchargeStore(DatabasePath);

        await Assert.ThrowsAnyAsync<ArgumentException>(() => surcharges.SetAsync(deviceId, 50));
    }
}
