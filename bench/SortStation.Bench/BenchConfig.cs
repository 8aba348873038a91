using System.Globalization;
using SortStation.Core.Options;

namespace SortStation.Bench;

/// <summary>
/// One station configuration a scenario measures: workers × intra-op threads (auto resolved for this machine's
/// cores) and <c>Model:*</c> settings on top of appsettings.json. <c>--set KEY=VALUE</c> changes the base one;
/// each <c>--variant</c> adds another, compared with the base in the same run, block by block.
/// </summary>
internal sealed record BenchConfig(string Name, int Workers, int Threads, IReadOnlyDictionary<string, string> Settings)
{
    /// <summary>
    /// Parses "Model:IntraOpSpinning=false,Workers=1" (keys without a section are Model keys). A comma splits only
    /// before a KEY=, so a value may hold commas (IntraOpThreadAffinities=1,2;3).
    /// </summary>
    public static Dictionary<string, string> ParseSettings(string spec)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in System.Text.RegularExpressions.Regex.Split(spec, ",(?=[A-Za-z][A-Za-z0-9:]*=)").Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            var parts = pair.Split('=', 2);
            if (parts.Length != 2 || parts[0].Length == 0)
            {
                throw new ArgumentException($"'{pair}' is not KEY=VALUE (e.g. Model:IntraOpSpinning=false)");
            }

            settings[parts[0].Contains(':', StringComparison.Ordinal) ? parts[0] : $"{ModelOptions.Section}:{parts[0]}"] = parts[1];
        }

        return settings;
    }

    /// <summary>
    /// The configuration of <paramref name="settings"/> (after <paramref name="basis"/>'s), workers and threads as
    /// the station resolves them on this machine.
    /// </summary>
    public static BenchConfig Create(string? name, IReadOnlyDictionary<string, string> settings, IReadOnlyDictionary<string, string>? basis = null)
    {
        var merged = new Dictionary<string, string>(basis ?? new Dictionary<string, string>(), StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            merged[key] = value;
        }

        var options = new ModelOptions
        {
            Workers = merged.TryGetValue("Model:Workers", out var w) ? ThreadCount.Parse(w) : ThreadCount.Auto,
            IntraOpThreads = merged.TryGetValue("Model:IntraOpThreads", out var t) ? ThreadCount.Parse(t) : ThreadCount.Auto,
        };
        var (workers, threads) = ThreadDefaults.Resolve(options, Environment.ProcessorCount);
        merged["Model:Workers"] = workers.ToString(CultureInfo.InvariantCulture);
        merged["Model:IntraOpThreads"] = threads.ToString(CultureInfo.InvariantCulture);
        var label = name ?? string.Join(", ", merged.Where(s => !s.Key.EndsWith(":Workers", StringComparison.OrdinalIgnoreCase) && !s.Key.EndsWith(":IntraOpThreads", StringComparison.OrdinalIgnoreCase)).Select(s => $"{s.Key.Replace("Model:", string.Empty, StringComparison.Ordinal)}={s.Value}"));
        return new BenchConfig($"{workers}×{threads}{(label.Length > 0 ? " " + label : string.Empty)}", workers, threads, merged);
    }

    public object Json() => new { name = Name, workers = Workers, intraOpThreads = Threads, settings = Settings };
}
