namespace SortStation.Hardware.Bench;

/// <summary>Gate timing error statistics of one scenario, milliseconds (positive = late).</summary>
internal sealed record ScenarioResult(string Name, int Fires, double RatePerSecond, double WakeEarlyMs, bool? RealtimeClock, double MeanMs, double P50Ms, double P99Ms, double MaxMs, int Early, double MostEarlyMs)
{
    public static ScenarioResult From(string name, double rate, TimeSpan wakeEarly, bool? realtime, List<double> errors)
    {
        var sorted = errors.Select(Math.Abs).Order().ToArray();
        return new ScenarioResult(
            name,
            sorted.Length,
            rate,
            wakeEarly.TotalMilliseconds,
            realtime,
            sorted.Length == 0 ? 0 : sorted.Average(),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? 0 : sorted[^1],
            errors.Count(e => e < 0),
            errors.Count == 0 ? 0 : Math.Min(0, errors.Min()));
    }

    /// <summary>Nearest-rank percentile of an ascending array.</summary>
    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
