namespace Gateway.Ctl.Commands.Field;

/// <summary>An HTTP client on the gateway API: direct for <c>--url</c>, through an SSH port forward for <c>--host</c>.</summary>
public sealed class ApiConnection : IDisposable
{
    private readonly DeviceSession? _session;
    private readonly Renci.SshNet.ForwardedPortLocal? _forward;

    private ApiConnection(HttpClient http, DeviceSession? session, Renci.SshNet.ForwardedPortLocal? forward)
    {
        Http = http;
        _session = session;
        _forward = forward;
    }

    /// <summary>The client; its base address is the API root.</summary>
    public HttpClient Http { get; }

    /// <summary>Opens the connection.</summary>
    /// <param name="settings">--url or --host and the SSH options.</param>
    /// <param name="cancellationToken">Cancels the SSH connect.</param>
    /// <returns>The connection.</returns>
    public static async Task<ApiConnection> OpenAsync(ApiSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Url is not null)
        {
            return new ApiConnection(new HttpClient { BaseAddress = new Uri(settings.Url), Timeout = Timeout.InfiniteTimeSpan }, null, null);
        }

        var session = await DeviceSession.ConnectAsync(settings.Target(settings.Host!, settings.Port), cancellationToken);
        var forward = session.Forward(settings.ApiPort);
        return new ApiConnection(new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{forward.BoundPort}"), Timeout = Timeout.InfiniteTimeSpan }, session, forward);
    }

    /// <summary>The API as the user named it, for messages.</summary>
    /// <param name="settings">The options.</param>
    /// <returns>The URL or host.</returns>
    public static string Describe(ApiSettings settings) =>
        settings?.Url ?? $"{settings?.Host}:{settings?.ApiPort} (over SSH)";

    /// <inheritdoc/>
    public void Dispose()
    {
        Http.Dispose();
        _forward?.Dispose();
        _session?.Dispose();
    }
}
