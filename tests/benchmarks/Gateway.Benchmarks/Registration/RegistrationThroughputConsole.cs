using System.Globalization;

namespace Gateway.Benchmarks.Registration;

/// <summary>
/// "register [accounts] [rounds] [limit]": SIPp and the gateway's client take turns registering the same accounts
/// through the same Kamailio, and completions per second are printed for each round and as medians.
/// </summary>
public static class RegistrationThroughputConsole
{
    private const int WarmUpRounds = 3;

    public static async Task RunAsync(string[] args)
    {
        var count = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
        var rounds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var limit = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 50;
        Console.WriteLine($"Provisioning {count} subscribers in a fresh Kamailio...");
        await using var env = await RegistrationBenchEnvironment.StartAsync(count);
        await using var gateway = new GatewayRegisterRun(env);
        var sipp = new List<RegisterRunResult>();
        var ours = new List<RegisterRunResult>();
        for (var round = 1 - WarmUpRounds; round <= rounds; round++)
        {
            // Warm-up rounds bring Kamailio's caches and the JIT (tiered compilation) to a steady state; printed, not counted.
            var s = await SippRegisterRun.RunAsync(env, limit);
            var g = await gateway.RunAsync(limit);
            Console.WriteLine($"round {round}{(round <= 0 ? " (warm-up)" : string.Empty)}:\n  {s}\n  {g}");
            foreach (var r in new[] { s, g })
            {
                if (r.Detail is not null)
                {
                    Console.WriteLine($"  {r.Client} failures: {r.Detail[..Math.Min(r.Detail.Length, 2000)]}");
                }
            }

            if (round > 0)
            {
                sipp.Add(s);
                ours.Add(g);
            }
        }

        var sippMedian = Median(sipp);
        var oursMedian = Median(ours);
        Console.WriteLine($"median over {rounds} rounds, {count} AORs, limit {limit}: SIPp {sippMedian:F0}/s, gateway {oursMedian:F0}/s, ratio {oursMedian / sippMedian:F2}");
    }

    private static double Median(List<RegisterRunResult> runs)
    {
        var sorted = runs.Select(r => r.CompletionsPerSecond).Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
