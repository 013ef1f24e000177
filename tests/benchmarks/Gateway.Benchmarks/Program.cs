using BenchmarkDotNet.Running;
using Gateway.Benchmarks;

BenchmarkSwitcher.FromAssembly(typeof(SipParserBenchmarks).Assembly).Run(args);
