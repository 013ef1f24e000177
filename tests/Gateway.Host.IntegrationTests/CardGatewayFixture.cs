namespace Gateway.Host.IntegrationTests;

/// <summary>One bench gateway with cards enabled, started once pcscd is up and its card service reports it reachable.</summary>
public sealed class CardGatewayFixture : IAsyncLifetime
{
    private GatewayProcess? _gateway;

    internal GatewayProcess Gateway => _gateway ?? throw new InvalidOperationException("fixture not started");

    public async Task InitializeAsync()
    {
        _gateway = await GatewayProcess.StartAsync("bench", true, "--Gateway:Cards:Enabled=true");
        await using var events = await SseClient.ConnectAsync(_gateway.Http, "/api/events?replay=200");
        while (true)
        {
            var service = await events.WaitForAsync("card.service", timeout: TimeSpan.FromSeconds(20));
            if (service.Json.GetProperty("data").GetProperty("available").GetBoolean())
            {
                return;
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
    }
}
