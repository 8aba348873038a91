using System.Globalization;

namespace SortStation.Bench;

/// <summary>
/// CPU used by every other process while a scenario runs: the machine's busy time from /proc/stat (all CPUs) minus
/// this process's own (/proc/self/stat utime + stime), over the wall time, in cores; plus the load average and the
/// other processes that used the most. Above <see cref="QuietLimitCores"/> (5 % of a core) the run is flagged:
/// its figures were taken beside other work. Kernel threads doing this process's disk writes count as others.
/// </summary>
internal sealed class OtherLoad
{
    public const double QuietLimitCores = 0.05;
    private const double TicksPerSecond = 100; // USER_HZ: 100 on every Linux the station runs on

    private readonly long _busy0;
    private readonly long _steal0;
    private readonly long _self0;
    private readonly Dictionary<int, (string Name, long Ticks)> _processes0;
    private readonly long _start = System.Diagnostics.Stopwatch.GetTimestamp();
    private readonly string? _load0 = LoadAverage();

    private OtherLoad()
    {
        (_busy0, _steal0) = Machine();
        _self0 = ProcessTicks("self")?.Ticks ?? 0;
        _processes0 = Processes();
    }

    public static bool Available => File.Exists("/proc/stat") && File.Exists("/proc/self/stat");

    public static OtherLoad? Start() => Available ? new OtherLoad() : null;

    /// <summary>The figures since <see cref="Start"/>; <c>quiet</c> false when others used more than 5 % of a core.</summary>
    public Result Stop()
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(_start).TotalSeconds;
        var (busy, steal) = Machine();
        var self = ProcessTicks("self")?.Ticks ?? 0;
        var others = Math.Max(0, (busy - _busy0) - (self - _self0)) / TicksPerSecond / seconds;
        var top = Processes()
            .Where(p => p.Key != Environment.ProcessId && _processes0.TryGetValue(p.Key, out var before) && before.Name == p.Value.Name)
            .Select(p => (p.Value.Name, Cores: (p.Value.Ticks - _processes0[p.Key].Ticks) / TicksPerSecond / seconds))
            .Where(p => p.Cores >= 0.005)
            .OrderByDescending(p => p.Cores)
            .Take(5)
            .Select(p => new TopProcess(p.Name, Math.Round(p.Cores, 3)))
            .ToArray();
        return new Result(Math.Round(others, 3), QuietLimitCores, others <= QuietLimitCores, Math.Round((self - _self0) / TicksPerSecond / seconds, 3), Math.Round((steal - _steal0) / TicksPerSecond / seconds, 3), _load0, LoadAverage(), Math.Round(seconds, 1), top);
    }

    private static (long Busy, long Steal) Machine()
    {
        // cpu  user nice system idle iowait irq softirq steal guest guest_nice (guest is already in user)
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6], fields.Length > 7 ? fields[7] : 0);
    }

    private static (string Name, long Ticks)? ProcessTicks(string pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var rest = stat[(close + 2)..].Split(' ');
            // After "(comm) ": state ppid ... utime is field 14 of the line, i.e. index 11 here; stime 12.
            return (stat[(open + 1)..close], long.Parse(rest[11], CultureInfo.InvariantCulture) + long.Parse(rest[12], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null; // the process ended meanwhile
        }
    }

    private static Dictionary<int, (string Name, long Ticks)> Processes()
    {
        var result = new Dictionary<int, (string, long)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && ProcessTicks(pid.ToString(CultureInfo.InvariantCulture)) is { } p)
            {
                result[pid] = p;
            }
        }

        return result;
    }

    private static string? LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : null;

    internal sealed record TopProcess(string Name, double Cores);

    internal sealed record Result(double OthersCores, double LimitCores, bool Quiet, double SelfCores, double StealCores, string? LoadAverageAtStart, string? LoadAverageAtEnd, double Seconds, TopProcess[] TopOthers)
    {
        public string Text() => Quiet
            ? $"other processes used {OthersCores:F3} cores during the run (quiet: <= {QuietLimitCores})"
            : $"NOT A QUIET RUN: other processes used {OthersCores:F2} cores during the run (limit {QuietLimitCores}; load average {LoadAverageAtEnd}; most: {string.Join(", ", TopOthers.Select(t => $"{t.Name} {t.Cores:F2}"))}){(StealCores > 0.01 ? $"; hypervisor steal {StealCores:F2} cores" : string.Empty)}";
    }
}
