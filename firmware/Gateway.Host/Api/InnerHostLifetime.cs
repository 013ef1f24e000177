namespace Gateway.Host.Api;

/// <summary>
/// The API's web host lives inside the gateway's host, which alone owns Ctrl+C, SIGTERM and systemd
/// notifications; this lifetime keeps the inner host from claiming them too.
/// </summary>
internal sealed class InnerHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
