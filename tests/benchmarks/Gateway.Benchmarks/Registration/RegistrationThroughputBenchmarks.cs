using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Gateway.Benchmarks.Registration;

/// <summary>
/// Registration throughput through a real Kamailio: 1,000 provisioned AORs, each REGISTER → 401 → REGISTER with
/// digest → 200, at most <see cref="Limit"/> in flight. SIPp running the same flow against the same server is the
/// baseline. One operation is one completed registration, so Op/s is completions per second; BenchmarkDotNet's
/// Ratio compares times, so the throughput ratio (gateway / SIPp) is 1 / Ratio.
/// </summary>
[Config(typeof(ThroughputConfig))]
public class RegistrationThroughputBenchmarks : IAsyncDisposable
{
    public const int Accounts = 1000;

    private RegistrationBenchEnvironment? _env;
    private GatewayRegisterRun? _gateway;

    /// <summary>Registrations in flight at once (SIPp's -l).</summary>
    [Params(50, 200)]
    public int Limit { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _env = await RegistrationBenchEnvironment.StartAsync(Accounts);
        _gateway = new GatewayRegisterRun(_env);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
            _gateway = null;
        }

        if (_env is not null)
        {
            await _env.DisposeAsync();
            _env = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await CleanupAsync();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Accounts, Description = "SIPp REGISTER/401/REGISTER")]
    public async Task<int> Sipp() => Checked(await SippRegisterRun.RunAsync(_env!, Limit));

    [Benchmark(OperationsPerInvoke = Accounts, Description = "RegistrationClient REGISTER/401/REGISTER")]
    public async Task<int> Gateway() => Checked(await _gateway!.RunAsync(Limit));

    // A run with failures would measure timeouts, not throughput.
    private static int Checked(RegisterRunResult result) => result.Failed == 0
        ? result.Completed
        : throw new InvalidOperationException($"{result}\n{result.Detail}");

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            // Each invocation is a whole run of 1,000 registrations against external processes: no pilot or unrolling.
            // Four warm-up runs let tiered compilation reach its optimized code before anything is measured.
            AddJob(Job.Default
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(4)
                .WithIterationCount(9)
                .WithToolchain(InProcessEmitToolchain.Instance));
            AddColumn(StatisticColumn.OperationsPerSecond);
        }
    }
}
