using System.Globalization;
using Gateway.Media.Clock;

namespace Gateway.Benchmarks;

/// <summary>
/// Runs the media clock at 20 ms for a while in each wait mode and prints the tick lateness distribution
/// (BenchmarkDotNet measures per-call cost, not a thread's wake-up jitter).
/// </summary>
internal static class ClockJitterProbe
{
    public static void Run(int seconds)
    {
        foreach (var mode in new[] { ClockWaitMode.AbsoluteNanosleep, ClockWaitMode.SleepThenSpin })
        {
            using var clock = new MediaClock(20, mode);
            clock.Start();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{mode,-18} {clock.Jitter} skipped={clock.SkippedTicks} cpu-count={Environment.ProcessorCount}"));
        }
    }
}
