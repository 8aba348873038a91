using System.Runtime.InteropServices;

namespace SortStation.Core.Timing;

/// <summary>
/// Puts the calling thread under Linux SCHED_FIFO so a busy CPU cannot delay a gate by a time slice.
/// Allowed for root, CAP_SYS_NICE, or up to RLIMIT_RTPRIO (systemd: LimitRTPRIO=); otherwise the
/// thread stays at normal priority and this returns false.
/// </summary>
internal static partial class RealtimePriority
{
    private const int SchedFifo = 1;

    public static bool TryEnter(int priority)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            var param = new SchedParam { Priority = priority };
            return NativeMethods.sched_setscheduler(0, SchedFifo, ref param) == 0; // pid 0 = this thread
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054, CA5392, CA1401 // A single blittable libc call; LibraryImport would need unsafe code in Core.
        [DllImport("libc", SetLastError = true)]
        public static extern int sched_setscheduler(int pid, int policy, ref SchedParam param);
#pragma warning restore SYSLIB1054, CA5392, CA1401
    }
}
