namespace SortStation.Bench;

/// <summary>
/// A figure over alternating blocks with its 95 % intervals: Student's t over the block values (for the mean) and
/// a percentile bootstrap (for the median, 4 000 resamples, fixed seed so a run's output is reproducible).
/// On a shared machine single runs drift; an interval over paired blocks says how far the figure can be trusted.
/// </summary>
internal sealed record Interval(int N, double Median, double MedianLow, double MedianHigh, double Mean, double MeanLow, double MeanHigh, double Min, double Max)
{
    private const int Resamples = 4000;

    // Two-sided 95 % quantiles of Student's t for 1..30 degrees of freedom; 1.96 beyond.
    private static readonly double[] T95 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
    ];

    public static Interval Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("no values", nameof(values));
        }

        var n = values.Count;
        var mean = values.Average();
        var median = MedianOf(values);
        if (n < 3)
        {
            return new Interval(n, median, double.NaN, double.NaN, mean, double.NaN, double.NaN, values.Min(), values.Max());
        }

        var sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        var half = (n - 1 <= T95.Length ? T95[n - 2] : 1.96) * sd / Math.Sqrt(n);

        // Benchmark resampling, not security relevant.
#pragma warning disable CA5394
        var random = new Random(20261125);
        var medians = new double[Resamples];
        var sample = new double[n];
        for (var r = 0; r < Resamples; r++)
        {
            for (var i = 0; i < n; i++)
            {
                sample[i] = values[random.Next(n)];
            }

            medians[r] = MedianOf(sample);
        }
#pragma warning restore CA5394

        Array.Sort(medians);
        return new Interval(n, median, medians[(int)(0.025 * Resamples)], medians[(int)(0.975 * Resamples) - 1], mean, mean - half, mean + half, values.Min(), values.Max());
    }

    public static double MedianOf(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>"0.912 (95 % CI of the median 0.905–0.918; mean 0.911, 95 % t-interval 0.905–0.917; 12 blocks, range 0.89–0.93)": each number × <paramref name="scale"/> in <paramref name="format"/>, then <paramref name="unit"/>.</summary>
    public string Text(string format = "F3", double scale = 1, string unit = "")
    {
        string F(double v) => (v * scale).ToString(format, System.Globalization.CultureInfo.InvariantCulture) + unit;
        return N < 3
            ? $"{F(Median)} ({N} block(s): too few for an interval; range {F(Min)}–{F(Max)})"
            : $"{F(Median)} (95 % CI of the median {F(MedianLow)}–{F(MedianHigh)}; mean {F(Mean)}, 95 % t-interval {F(MeanLow)}–{F(MeanHigh)}; {N} blocks, range {F(Min)}–{F(Max)})";
    }

    public object Json(int digits = 4) => new
    {
        n = N,
        median = R(Median, digits),
        medianCi95 = N < 3 ? null : new[] { R(MedianLow, digits), R(MedianHigh, digits) },
        mean = R(Mean, digits),
        meanCi95 = N < 3 ? null : new[] { R(MeanLow, digits), R(MeanHigh, digits) },
        min = R(Min, digits),
        max = R(Max, digits),
    };

    private static double R(double v, int digits) => Math.Round(v, digits);
}
