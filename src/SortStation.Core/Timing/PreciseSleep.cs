using System.Runtime.InteropServices;

namespace SortStation.Core.Timing;

/// <summary>
/// Sub-millisecond sleep for the gate clock. .NET waits have millisecond granularity, so without this
/// the clock had to spin its whole 2 ms wake-early window, and under SCHED_FIFO that spin took a core
/// from ONNX Runtime at every item. nanosleep(2) wakes within tens of microseconds (a SCHED_FIFO
/// thread has no timer slack), leaving only a short spin.
/// </summary>
internal static class PreciseSleep
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Sleeps about <paramref name="duration"/>; false when the platform has no nanosleep (caller spins).</summary>
    public static bool TrySleep(TimeSpan duration)
    {
        if (_unavailable)
        {
            return false;
        }

        var ticks = Math.Max(0, duration.Ticks);
        var request = new Timespec
        {
            Seconds = (nint)(ticks / TimeSpan.TicksPerSecond),
            Nanoseconds = (nint)(ticks % TimeSpan.TicksPerSecond * 100),
        };
        try
        {
            _ = NativeMethods.nanosleep(ref request, IntPtr.Zero); // EINTR only ends the sleep early: the caller re-checks
            return true;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    // struct timespec: time_t and long are both the native word on Linux glibc (32- and 64-bit).
    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec
    {
        public nint Seconds;
        public nint Nanoseconds;
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054, CA5392, CA1401 // A single blittable libc call; LibraryImport would need unsafe code in Core.
        [DllImport("libc", SetLastError = true)]
        public static extern int nanosleep(ref Timespec request, IntPtr remaining);
#pragma warning restore SYSLIB1054, CA5392, CA1401
    }
}
