using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using SortStation.Core.Timing;

namespace SortStation.Hardware.Bench;

/// <summary>
/// CPU the gate clock costs per fire at a high item rate (the station benchmark's ~270 items/s), where its
/// wake-ups and final spin compete with ONNX Runtime for the cores: process CPU time of a paced loop that
/// schedules one fire per tick, minus the same loop without scheduling.
/// </summary>
internal static class CpuScenario
{
    private static readonly GateWindows Windows = GateWindows.Fixed(new GateWindow(TimeSpan.Zero, TimeSpan.FromSeconds(10)));

    public static async Task<object> RunAsync(double ratePerSecond, TimeSpan duration, CancellationToken ct)
    {
        var idle = await MeasureAsync(schedule: false, ratePerSecond, duration, ct);
        var busy = await MeasureAsync(schedule: true, ratePerSecond, duration, ct);
        var perFireMs = (busy.Cpu - idle.Cpu).TotalMilliseconds / busy.Ticks;
        Console.WriteLine($"gate clock CPU: {perFireMs:F3} ms per fire at {busy.Ticks / duration.TotalSeconds:F0} fires/s (process CPU {busy.Cpu.TotalMilliseconds:F0} ms scheduling vs {idle.Cpu.TotalMilliseconds:F0} ms the same loop without, {duration.TotalSeconds:F0} s each)");
        return new { ratePerSecond, seconds = duration.TotalSeconds, fires = busy.Ticks, cpuPerFireMs = Math.Round(perFireMs, 4), cpuWithMs = busy.Cpu.TotalMilliseconds, cpuWithoutMs = idle.Cpu.TotalMilliseconds };
    }

    private static async Task<(TimeSpan Cpu, int Ticks)> MeasureAsync(bool schedule, double rate, TimeSpan duration, CancellationToken ct)
    {
        var gates = new[] { new RecordingGate("glass", TimeSpan.Zero), new RecordingGate("metal", TimeSpan.Zero) };
        await using var scheduler = new GateScheduler(gates, Windows, TimeProvider.System, NullLogger<GateScheduler>.Instance);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1 / rate));
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var start = Stopwatch.GetTimestamp();
        var ticks = 0;
        while (Stopwatch.GetElapsedTime(start) < duration && await timer.WaitForNextTickAsync(ct))
        {
            if (schedule)
            {
                // Two bins 0.5 s and 0.8 s down the belt: the clock always has fires queued, as on a busy belt.
                scheduler.Schedule(ticks % 2 == 0 ? "glass" : "metal", TimeProvider.System.GetUtcNow().AddMilliseconds(ticks % 2 == 0 ? 500 : 800), $"item-{ticks}");
            }

            ticks++;
        }

        await scheduler.WhenIdleAsync(ct);
        process.Refresh();
        return (process.TotalProcessorTime - cpu0, ticks);
    }
}
