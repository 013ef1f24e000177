using Gateway.NetworkServer;

namespace Gateway.Host.IntegrationTests;

/// <summary>
/// Kamailio (usrloc flushed every second) with alice, bob and carol, and a bench gateway with cards enabled whose default
/// registrar is that Kamailio, on short SIP timers (T1 100 ms, retries 1-4 s, refusals 600 s).
/// </summary>
public sealed class SipGatewayFixture : IAsyncLifetime
{
    public const string AliceNumber = "+15551230001";
    public const string BobNumber = "+15551230002";
    public const string CarolNumber = "+15551230003";

    public const string DeviceId = "lobby-7";
    public const int SurchargeCents = 75;

    private NetworkServerProcess? _server;
    private TestCaller? _pstn;
    private GatewayProcess? _gateway;

    internal NetworkServerProcess Server => _server ?? throw new InvalidOperationException("fixture not started");

    internal GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("fixture not started");

    /// <summary>Kamailio's PSTN gateway: answers every call (numbers that are no subscriber's).</summary>
    internal TestCaller Pstn => _pstn ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync()
    {
        _pstn = await TestCaller.StartAsync();
        _server = await NetworkServerProcess.StartAsync(new NetworkServerOptions { UsrlocTimerSeconds = 1, PstnUri = $"sip:127.0.0.1:{_pstn.Port}" });
        await _server.CreateDeviceSurchargeStore().SetAsync(DeviceId, SurchargeCents, "Test lobby");
        var subscribers = _server.CreateSubscriberStore();
        await subscribers.AddAsync(new NewSubscriber("alice", "secret", AliceNumber));
        await subscribers.AddAsync(new NewSubscriber("bob", "secret", BobNumber));
        await subscribers.AddAsync(new NewSubscriber("carol", "secret", CarolNumber));
        _gateway = await StartGatewayAsync(_server.Port, "--Gateway:DeviceId=" + DeviceId);
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_pstn is not null)
        {
            await _pstn.DisposeAsync();
        }
    }

    /// <summary>A gateway with cards on, registering with 127.0.0.1:<paramref name="registrarPort"/> by default; returns once pcscd is reachable.</summary>
    internal static async Task<GatewayProcess> StartGatewayAsync(int registrarPort, params string[] extraArgs)
    {
        string[] args =
        [
            "--Gateway:Cards:Enabled=true",
            $"--Gateway:Sip:Registrar=sip:127.0.0.1:{registrarPort}",
            "--Gateway:Sip:T1Ms=100",
            "--Gateway:Sip:RetryBaseSeconds=1",
            "--Gateway:Sip:RetryMaxSeconds=4",
            "--Gateway:Sip:RefusedRetryBaseSeconds=600",
            .. extraArgs,
        ];
        var gateway = await GatewayProcess.StartAsync("bench", true, args);
        await using var events = await SseClient.ConnectAsync(gateway.Http, "/api/events?replay=200");
        while (true)
        {
            var service = await events.WaitForAsync("card.service", timeout: TimeSpan.FromSeconds(20));
            if (service.Json.GetProperty("data").GetProperty("available").GetBoolean())
            {
                return gateway;
            }
        }
    }
}
