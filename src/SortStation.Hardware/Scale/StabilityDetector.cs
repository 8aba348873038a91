namespace SortStation.Hardware.Scale;

/// <summary>A reading is stable when the last N filtered values spread less than the tolerance.</summary>
public sealed class StabilityDetector(int window, double toleranceCounts)
{
    private readonly SampleWindow _values = new(window);

    public bool IsStable => _values.IsFull && _values.Spread() < toleranceCounts;

    public void Clear() => _values.Clear();

    /// <summary>Adds a filtered value and tells whether the window is now stable.</summary>
    public bool Add(double filtered)
    {
        _values.Add(filtered);
        return IsStable;
    }
}
