namespace Gateway.Bench.Perf;

/// <summary>A gateway binary under test: the JIT build (<c>dotnet gateway.dll</c>) or a NativeAOT executable.</summary>
internal sealed record GatewayBuild(string Name, string? NativeExecutable)
{
    public static GatewayBuild Jit { get; } = new("gateway (JIT)", null);

    public static GatewayBuild Aot(string executable) => new("gateway (NativeAOT)", executable);
}
