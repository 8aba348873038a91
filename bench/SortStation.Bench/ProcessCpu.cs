using System.Diagnostics;

namespace SortStation.Bench;

/// <summary>This process's CPU time so far (user + system, every thread).</summary>
internal static class ProcessCpu
{
    public static TimeSpan Now()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }
}
