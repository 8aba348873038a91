namespace SortStation.Bench;

/// <summary>Timing samples in milliseconds and their summary.</summary>
internal sealed class Measurement(string name)
{
    private readonly List<double> _samples = [];

    public string Name { get; } = name;

    public int Count => _samples.Count;

    public void Add(double milliseconds) => _samples.Add(milliseconds);

    public double Median => Percentile(0.5);

    public double P99 => Percentile(0.99);

    public double Mean => _samples.Average();

    public double Percentile(double p)
    {
        var sorted = _samples.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    public object Summary() => new { name = Name, n = Count, medianMs = Math.Round(Median, 3), p99Ms = Math.Round(P99, 3), meanMs = Math.Round(Mean, 3) };
}
