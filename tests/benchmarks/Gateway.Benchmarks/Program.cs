using System.Globalization;
using BenchmarkDotNet.Running;
using Gateway.Benchmarks;
using Gateway.Benchmarks.Registration;

// "cputime [N]" measures CPU time per operation, for machines too loaded for wall-clock numbers.
if (args.Length > 0 && args[0] == "cputime")
{
    CpuTimeProbe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200_000);
    return;
}

// "clockjitter [seconds]" prints the media clock's tick lateness distribution in each wait mode.
if (args.Length > 0 && args[0] == "clockjitter")
{
    ClockJitterProbe.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
    return;
}

// "callcpu [calls] [seconds] [codec]" measures process CPU per call leg on loopback (stations, clocks, RTP).
if (args.Length > 0 && args[0] == "callcpu")
{
    await CallCpuProbe.RunAsync(
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10,
        args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 20,
        args.Length > 3 ? args[3] : "PCMU");
    return;
}

// "register [accounts] [rounds] [limit]" compares registration throughput against SIPp without BenchmarkDotNet.
if (args.Length > 0 && args[0] == "register")
{
    await RegistrationThroughputConsole.RunAsync(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(SipParserBenchmarks).Assembly).Run(args);
