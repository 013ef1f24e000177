namespace Gateway.Bench.Perf;

/// <summary>What every case shares: the options, the bench network, the durations and the gateway builds to measure.</summary>
internal sealed class PerfContext(BenchOptions options, BenchNetwork network, PerfDurations durations)
{
    public const string StationA = "station-1";
    public const string StationB = "station-2";

    public BenchOptions Options { get; } = options;

    public BenchNetwork Network { get; } = network;

    public PerfDurations Durations { get; } = durations;

    /// <summary>Gets the NativeAOT build, or null with the reason in <see cref="AotMissing"/>.</summary>
    public GatewayBuild? Aot { get; } = options.AotGateway is { } exe && File.Exists(exe) ? GatewayBuild.Aot(exe) : null;

    public string AotMissing => Options.AotGateway is null
        ? "no NativeAOT build was given (--aot-gateway)"
        : $"no NativeAOT executable at {Options.AotGateway}";

    public IEnumerable<GatewayBuild> Builds => Aot is null ? [GatewayBuild.Jit] : [GatewayBuild.Jit, Aot];

    /// <summary>Starts a registered baresip for a user (the suite's plain-softphone subject, or the far end).</summary>
    public Task<BaresipParty> StartBaresipAsync(DemoUser user, bool autoAnswer, CancellationToken ct) =>
        BaresipParty.StartAsync(user.Username, user.Password, Network.Server.Port, Gateway.NetworkServer.LoopbackPorts.GetFree(), autoAnswer, ct,
            toneSeconds: Math.Max(60, (int)Durations.CallWindow.TotalSeconds + 60));

    public string DialUri(string number) => $"sip:{number}@{Network.Server.Address}:{Network.Server.Port}";
}
