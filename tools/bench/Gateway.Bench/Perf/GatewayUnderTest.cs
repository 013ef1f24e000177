namespace Gateway.Bench.Perf;

/// <summary>A running gateway for one case: the process (for /proc figures) and its API with the event stream open.</summary>
internal sealed class GatewayUnderTest : IAsyncDisposable
{
    private GatewayUnderTest(GatewayBuild build, GatewayLauncher launcher, GatewayApi api)
    {
        Build = build;
        Launcher = launcher;
        Api = api;
    }

    public GatewayBuild Build { get; }

    public GatewayLauncher Launcher { get; }

    public GatewayApi Api { get; }

    public int ProcessId => Launcher.ProcessId;

    /// <summary>Keeps a card in its reader for this gateway's life; it is pulled after the gateway stops.</summary>
    public void Holds(IAsyncDisposable card) => _cards.Add(card);

    /// <summary>
    /// Starts the gateway (with extra environment variables, if any, and on another board file than the bench's when
    /// <paramref name="board"/> is given) and opens its events with a replay, so nothing from its first moments is missed.
    /// </summary>
    public static async Task<GatewayUnderTest> StartAsync(PerfContext context, GatewayBuild build, CancellationToken ct, IReadOnlyDictionary<string, string>? environment = null, string? board = null)
    {
        var logName = $"perf-{(build.NativeExecutable is null ? "jit" : "aot")}-{Interlocked.Increment(ref s_starts)}.log";
        var options = board is null ? context.Options : context.Options with { Board = board };
        var launcher = GatewayLauncher.Start(options, context.Network, quiet: true, build.NativeExecutable, logName, environment);
        var api = new GatewayApi(context.Options.ApiPort);
        try
        {
            await launcher.WaitForApiAsync(api, TimeSpan.FromSeconds(60), ct);
            await api.ConnectEventsAsync(ct, replay: 500);
            return new GatewayUnderTest(build, launcher, api);
        }
        catch
        {
            await api.DisposeAsync();
            await launcher.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits for the station's first <c>registration.registered</c> (replayed events count).</summary>
    public Task<GatewayEvent> RegisteredAsync(string station, CancellationToken ct) =>
        WaitForAsync("registration.registered", station, since: 0, ct);

    /// <summary>
    /// Waits for the first event of a type at a station received at or after <paramref name="since"/> (Stopwatch
    /// ticks). Unlike <see cref="GatewayApi.WaitForAsync"/> it consumes nothing, so waits for several stations may
    /// run in any order.
    /// </summary>
    public async Task<GatewayEvent> WaitForAsync(string type, string station, long since, CancellationToken ct)
    {
        var deadline = Environment.TickCount64 + 30_000;
        while (true)
        {
            var found = Api.Recent(100_000).FirstOrDefault(e => e.Type == type && e.Station == station && e.ReceivedAt >= since);
            if (found is not null)
            {
                return found;
            }

            if (Launcher.HasExited)
            {
                throw new InvalidOperationException($"the gateway exited (code {Launcher.ExitCode}) while waiting for {type} at {station}; log {Launcher.LogPath}");
            }

            if (Environment.TickCount64 > deadline)
            {
                throw new TimeoutException($"no {type} at {station} within 30 s; last events:\n  " + string.Join("\n  ", Api.Recent(10)));
            }

            await Task.Delay(2, ct);
        }
    }

    /// <summary>
    /// Puts a station back on hook, best effort, after a case failed part-way: later steps start from idle, and a
    /// gateway that no longer answers is stopped by the caller anyway (SIGTERM ends any call left).
    /// </summary>
    public async Task TryOnHookAsync(string station, CancellationToken ct)
    {
        try
        {
            await Api.SetHookAsync(station, offHook: false, ct);
        }
        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException)
        {
            // Nothing more to do: the failure that brought us here is the one reported.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Api.DisposeAsync();
        await Launcher.DisposeAsync();
        foreach (var card in _cards)
        {
            await card.DisposeAsync();
        }
    }

    private static int s_starts;

    private readonly List<IAsyncDisposable> _cards = [];
}
