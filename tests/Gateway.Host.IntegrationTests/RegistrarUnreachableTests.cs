using Gateway.NetworkServer;

namespace Gateway.Host.IntegrationTests;

/// <summary>A card inserted while Kamailio is down: "No service" with retries, registered once Kamailio starts.</summary>
[Collection(PcscdGroup.Name)]
public sealed class RegistrarUnreachableTests(PcscdFixture pcscd)
{
    private const string Station = SipRegistrationTests.Station;

    [Fact]
    public async Task RegistrarDownAtInsert_NoServiceWhileRetrying_RegisteredOnceItStarts()
    {
        pcscd.EnsureRunning();
        var port = LoopbackPorts.GetFree();
        var runDirectory = Directory.CreateTempSubdirectory("network-server-late-").FullName;
        await using var gateway = await SipGatewayFixture.StartGatewayAsync(port);
        await using var events = await SseClient.ConnectAsync(gateway.Http);
        var connection = await SipCards.InsertAsync(SipCards.For("alice", "secret", "127.0.0.1", SipGatewayFixture.AliceNumber));
        NetworkServerProcess? server = null;
        try
        {
            // 64×T1 = 6.4 s without an answer, or at once when the ICMP port-unreachable comes back.
            var failed = await events.WaitForAsync("registration.failed", Station, TimeSpan.FromSeconds(20));
            var status = failed.Json.GetProperty("data").GetProperty("status").GetInt32();
            Assert.True(status is 408 or 503, $"status {status}");
            Assert.Equal("No service", SipRegistrationTests.Display(await gateway.GetStatusAsync())[1]);
            await events.WaitForAsync("registration.registering", Station, TimeSpan.FromSeconds(10));

            server = await NetworkServerProcess.StartAsync(new NetworkServerOptions { Port = port, UsrlocTimerSeconds = 1, RunDirectory = runDirectory });
            await server.CreateSubscriberStore().AddAsync(new NewSubscriber("alice", "secret", SipGatewayFixture.AliceNumber));

            await events.WaitForAsync("registration.registered", Station, TimeSpan.FromSeconds(30));
            Assert.Equal(["T. alice", SipGatewayFixture.AliceNumber], SipRegistrationTests.Display(await gateway.GetStatusAsync()));
            Assert.Single(await server.GetContactsAsync("alice"));
        }
        finally
        {
            await connection.DisposeAsync();
            await events.WaitForAsync("registration.unregistered", Station, TimeSpan.FromSeconds(15));
            if (server is not null)
            {
                Assert.Empty(await server.GetContactsAsync("alice"));
                await server.DisposeAsync();
            }

            Directory.Delete(runDirectory, recursive: true);
        }
    }
}
