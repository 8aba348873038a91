using System.Globalization;

namespace SortStation.Telemetry.Bench;

/// <summary>Command line: <c>[--seconds 15] [--backlog 100000] [--max-in-flight 256] [--producers 64] [--out FILE]</c>.</summary>
internal sealed record BenchOptions(int Seconds, int Backlog, int MaxInFlight, int Producers, string Output)
{
    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            values[args[i].TrimStart('-')] = args[i + 1];
        }

        int Int(string key, int fallback) => values.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        return new BenchOptions(
            Int("seconds", 15),
            Int("backlog", 100_000),
            Int("max-in-flight", 256),
            Int("producers", 64),
            values.GetValueOrDefault("out", "bench/SortStation.Telemetry.Bench/results/telemetry.json"));
    }
}
