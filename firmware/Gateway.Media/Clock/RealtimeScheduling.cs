using System.Runtime.InteropServices;

namespace Gateway.Media.Clock;

/// <summary>
/// Puts the calling thread under SCHED_FIFO through libc. On Linux <c>sched_setscheduler(0, …)</c> applies to the
/// calling thread only (each thread is its own task), so the rest of the process keeps normal scheduling.
/// </summary>
internal static partial class RealtimeScheduling
{
    /// <summary>SCHED_OTHER, the normal time-sharing policy.</summary>
    public const int SchedOther = 0;

    /// <summary>SCHED_FIFO.</summary>
    public const int SchedFifo = 1;

    /// <summary>
    /// SCHED_RESET_ON_FORK: a thread this one creates (pthread_create is a clone, and the kernel's sched_fork honours
    /// the flag for threads too) starts under SCHED_OTHER. Without it a thread-pool worker that the runtime happens
    /// to create from the clock thread (e.g. when a tick completes a channel read) would run real-time for good.
    /// </summary>
    public const int SchedResetOnFork = 0x4000_0000;

    private const int Eperm = 1;
    private const int Einval = 22;

    /// <summary>
    /// Asks for SCHED_FIFO at <paramref name="priority"/> for the calling thread; returns "fifo:N" on success,
    /// otherwise "normal (why)" and the thread keeps its policy.
    /// </summary>
    public static string TryEnterFifo(int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return "normal (not Linux)";
        }

        try
        {
            var param = new SchedParam { Priority = priority };
            if (SchedSetScheduler(0, SchedFifo | SchedResetOnFork, in param) == 0)
            {
                return $"fifo:{priority}";
            }

            return $"normal ({ErrnoName(Marshal.GetLastPInvokeError())})";
        }
        catch (DllNotFoundException)
        {
            return "normal (no libc)";
        }
        catch (EntryPointNotFoundException)
        {
            return "normal (no sched_setscheduler)";
        }
    }

    /// <summary>The calling thread's policy (SCHED_* with the reset-on-fork flag), or -1 when it cannot be read.</summary>
    public static int CurrentPolicy()
    {
        if (!OperatingSystem.IsLinux())
        {
            return -1;
        }

        try
        {
            return SchedGetScheduler(0);
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return -1;
        }
    }

    /// <summary>The errno name for the common failures (EPERM: no CAP_SYS_NICE and RLIMIT_RTPRIO below the priority).</summary>
    internal static string ErrnoName(int errno) => errno switch
    {
        Eperm => "EPERM",
        Einval => "EINVAL",
        _ => $"errno {errno}",
    };

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, in SchedParam param);

    [LibraryImport("libc", EntryPoint = "sched_getscheduler")]
    private static partial int SchedGetScheduler(int pid);

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }
}
