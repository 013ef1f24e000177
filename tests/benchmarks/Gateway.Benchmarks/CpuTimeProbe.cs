using System.Diagnostics;
using Gateway.Sip.Message;

namespace Gateway.Benchmarks;

/// <summary>
/// Measures CPU time per operation rather than wall time: on a shared, overloaded machine wall-clock
/// benchmarks mostly measure the scheduler, while the CPU time a thread consumed still reflects the parser.
/// </summary>
public static class CpuTimeProbe
{
    public static void Run(int iterations)
    {
        var handler = new NullHandler();
        Measure("INVITE handler parse (null handler)", iterations, () => SipParser.TryParseMessage(BenchmarkMessages.Invite, handler, out _, out _));
        Measure("INVITE framing + headers", iterations, () => SipMessageReader.ParseDatagram(BenchmarkMessages.Invite));
        Measure("INVITE + typed Via/From/To/Call-ID/CSeq", iterations, () =>
        {
            var m = SipMessageReader.ParseDatagram(BenchmarkMessages.Invite).Message!;
            _ = (m.Via[0], m.From, m.To, m.CallId, m.CSeq);
        });
        Measure("200 OK REGISTER framing + headers", iterations, () => SipMessageReader.ParseDatagram(BenchmarkMessages.RegisterOk));
        Measure("200 OK REGISTER + typed", iterations, () =>
        {
            var m = SipMessageReader.ParseDatagram(BenchmarkMessages.RegisterOk).Message!;
            _ = (m.Via[0], m.From, m.To, m.CallId, m.CSeq);
        });

        using var bench = new SipParserBenchmarks();
        bench.Setup();
        Measure("UDP loopback send+receive INVITE", iterations / 10, () => bench.UdpLoopbackInvite());
    }

    private static void Measure(string name, int iterations, Action action)
    {
        for (var i = 0; i < iterations / 10; i++)
        {
            action();
        }

        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var nsPerOp = cpu.TotalNanoseconds / iterations;
        Console.WriteLine($"{name,-45} {nsPerOp,10:F0} ns/op CPU  {1e9 / nsPerOp,12:N0} ops/s  {allocated / iterations,6} B/op");
    }
}
