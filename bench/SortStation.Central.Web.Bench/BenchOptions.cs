using System.Globalization;

namespace SortStation.Central.Web.Bench;

/// <summary>Command-line options of the console benchmark.</summary>
internal sealed record BenchOptions(string Command, string Provider, int Weighings, int Stations, int Days, int Clients, int Seconds, string Dir, string? Out)
{
    public static BenchOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var i = Array.IndexOf(args, name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var provider = Value("--provider", "sqlite");
        return new BenchOptions(
            args.Length > 0 ? args[0] : string.Empty,
            provider,
            Number("--weighings", 1_000_000),
            Number("--stations", 20),
            Number("--days", 90),
            Number("--clients", 16),
            Number("--seconds", 20),
            Path.GetFullPath(Value("--dir", Path.Combine(Path.GetTempPath(), "sortstation-console-bench", provider))),
            args.Contains("--out") ? Value("--out", string.Empty) : null);
    }
}
