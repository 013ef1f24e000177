namespace Gateway.Benchmarks.Registration;

/// <summary>One run of N registrations: how many reached 200 and how long the whole run took.</summary>
public sealed record RegisterRunResult(string Client, int Completed, int Failed, TimeSpan Elapsed, TimeSpan ClientCpu, string? Detail)
{
    /// <summary>Bytes the benchmark process allocated during the run (gateway only; SIPp is another process).</summary>
    public long? AllocatedBytes { get; init; }

    /// <summary>Garbage collections (any generation) during the run (gateway only).</summary>
    public int? Collections { get; init; }

    public double CompletionsPerSecond => Completed / Elapsed.TotalSeconds;

    public override string ToString() =>
        $"{Client,-8} {Completed,5} registered, {Failed,4} failed in {Elapsed.TotalMilliseconds,8:F0} ms = {CompletionsPerSecond,8:F0} completions/s, client CPU {ClientCpu.TotalMilliseconds,6:F0} ms{Allocation}";

    private string Allocation => AllocatedBytes is { } bytes && Completed + Failed > 0
        ? $", {bytes / (Completed + Failed),6} B allocated per registration, {Collections} GCs"
        : string.Empty;
}
