namespace SortStation.Hardware.Scale;

/// <summary>The last N samples, oldest overwritten first.</summary>
public sealed class SampleWindow
{
    private readonly double[] _samples;
    private int _next;

    public SampleWindow(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _samples = new double[size];
    }

    public int Count { get; private set; }

    public bool IsFull => Count == _samples.Length;

    public ReadOnlySpan<double> Values => _samples.AsSpan(0, Count);

    public void Add(double sample)
    {
        _samples[_next] = sample;
        _next = (_next + 1) % _samples.Length;
        Count = Math.Min(Count + 1, _samples.Length);
    }

    public void Clear() => (Count, _next) = (0, 0);

    public double Spread()
    {
        var v = Values;
        if (v.IsEmpty)
        {
            return 0;
        }

        double min = v[0], max = v[0];
        foreach (var x in v)
        {
            (min, max) = (Math.Min(min, x), Math.Max(max, x));
        }

        return max - min;
    }
}
