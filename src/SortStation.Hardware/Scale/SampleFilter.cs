using SortStation.Hardware.Options;

namespace SortStation.Hardware.Scale;

/// <summary>Median or moving average over the last N raw samples.</summary>
public sealed class SampleFilter(ScaleFilter kind, int size)
{
    private readonly SampleWindow _window = new(size);

    public bool IsFull => _window.IsFull;

    public void Clear() => _window.Clear();

    /// <summary>Adds a sample and returns the filtered value so far.</summary>
    public double Add(double sample)
    {
        _window.Add(sample);
        return Value;
    }

    public double Value => kind == ScaleFilter.Median ? Median(_window.Values) : Mean(_window.Values);

    public static double Median(ReadOnlySpan<double> values)
    {
        if (values.IsEmpty)
        {
            return 0;
        }

        var sorted = values.ToArray();
        Array.Sort(sorted);
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double Mean(ReadOnlySpan<double> values)
    {
        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        return values.IsEmpty ? 0 : sum / values.Length;
    }
}
