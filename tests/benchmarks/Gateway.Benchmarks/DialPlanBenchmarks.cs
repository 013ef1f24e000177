using BenchmarkDotNet.Attributes;
using Gateway.Telephony.DialPlans;

namespace Gateway.Benchmarks;

/// <summary>
/// The dial decision for an 11-digit NANP number under the bench board's plan: from the last key to
/// <see cref="IDigitCollector.Completed"/> (the part of "last digit to INVITE on the wire" the plan owns), and a whole
/// attempt of 11 keys with the real system timers being armed and cancelled on each key.
/// </summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "BenchmarkDotNet's [GlobalCleanup] disposes the collectors.")]
public class DialPlanBenchmarks
{
    private const int Batch = 1024;
    private const string Number = "12125550123";

    private readonly DialPlan _plan = new(DigitMap.Parse("<[2-9]xxxxxxxxx|1[2-9]xxxxxxxxx|911|611|011x.>"), ["911"], ["611"]);
    private readonly DigitCollector[] _keyed = new DigitCollector[Batch];
    private DigitCollector _attempt = null!;
    private int _next;
    private int _completed;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Batch; i++)
        {
            _keyed[i] = new DigitCollector(_plan, TimeProvider.System);
            _keyed[i].Completed += (_, _) => _completed++;
        }

        _attempt = new DigitCollector(_plan, TimeProvider.System);
        _attempt.Completed += (_, _) => _completed++;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var collector in _keyed)
        {
            collector.Dispose();
        }

        _attempt.Dispose();
    }

    /// <summary>Keys the first ten digits into each collector, so each invocation only presses the last one.</summary>
    [IterationSetup(Target = nameof(LastDigitToCompleted))]
    public void KeyTenDigits()
    {
        _next = 0;
        foreach (var collector in _keyed)
        {
            collector.Reset();
            foreach (var key in Number.AsSpan(0, Number.Length - 1))
            {
                collector.Add(key);
            }
        }
    }

    [Benchmark(OperationsPerInvoke = 1)]
    [InvocationCount(Batch)]
    public int LastDigitToCompleted()
    {
        var before = _completed;
        _keyed[_next++].Add(Number[^1]);
        return _completed - before;
    }

    [Benchmark]
    public int WholeAttemptElevenKeys()
    {
        var before = _completed;
        _attempt.Reset();
        foreach (var key in Number)
        {
            _attempt.Add(key);
        }

        return _completed - before;
    }

    [Benchmark]
    public DigitMapMatch MatchElevenKeys() => _plan.Map.Match(Number);
}
