using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Gateway.Media.Clock;

/// <summary>Waits until an absolute <see cref="Stopwatch"/> timestamp, by one of the <see cref="ClockWaitMode"/>s.</summary>
internal static partial class DeadlineWaiter
{
    private const int ClockMonotonic = 1;
    private const int TimerAbsoluteTime = 1;
    private const long NanosecondsPerSecond = 1_000_000_000;

    /// <summary>
    /// True when Stopwatch timestamps are CLOCK_MONOTONIC nanoseconds (as .NET on Linux implements them), so a
    /// deadline can be handed to clock_nanosleep unchanged.
    /// </summary>
    public static bool NanosleepAvailable { get; } = OperatingSystem.IsLinux() && Stopwatch.Frequency == NanosecondsPerSecond && Probe();

    public static void WaitUntil(long deadline, ClockWaitMode mode)
    {
        if (mode == ClockWaitMode.AbsoluteNanosleep && NanosleepAvailable)
        {
            var time = new TimeSpec { Seconds = deadline / NanosecondsPerSecond, Nanoseconds = deadline % NanosecondsPerSecond };

            // EINTR (a signal) returns early: loop until the deadline has really passed.
            while (Stopwatch.GetTimestamp() < deadline)
            {
                _ = ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, in time, IntPtr.Zero);
            }

            return;
        }

        var spinFrom = deadline - (Stopwatch.Frequency * 3 / 2000);
        while (true)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= deadline)
            {
                return;
            }

            if (now < spinFrom)
            {
                var ms = (int)((spinFrom - now) * 1000 / Stopwatch.Frequency);
                Thread.Sleep(Math.Max(ms, 0));
            }
            else
            {
                Thread.SpinWait(20);
            }
        }
    }

    private static bool Probe()
    {
        try
        {
            var time = new TimeSpec { Seconds = 0, Nanoseconds = 0 };
            return ClockNanosleep(ClockMonotonic, TimerAbsoluteTime, in time, IntPtr.Zero) == 0;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int ClockNanosleep(int clock, int flags, in TimeSpec request, IntPtr remain);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
