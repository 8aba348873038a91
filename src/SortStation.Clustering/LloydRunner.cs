namespace SortStation.Clustering;

/// <summary>
/// Lloyd iterations for one restart. Each pass assigns labels and accumulates per-chunk sums in
/// the same sweep; stops when no label changes or the squared centre shift is within tolerance.
/// </summary>
internal sealed class LloydRunner
{
    private readonly double[] _x;
    private readonly int _n, _d, _k;
    private readonly int[] _labels;
    private readonly double[] _partialSums, _partialInertia;
    private readonly long[] _partialCounts, _partialChanged;
    private readonly double[]? _x0, _x1;

    /// <summary>Column copies when there are exactly two features (shared with the seeding).</summary>
    public (double[] X0, double[] X1)? Columns => _x0 is not null && _x1 is not null ? (_x0, _x1) : null;

    public LloydRunner(double[] x, int n, int d, int k)
    {
        (_x, _n, _d, _k) = (x, n, d, k);
        var chunks = ChunkRunner.ChunkCount(n);
        _labels = new int[n];
        _partialSums = new double[chunks * k * d];
        _partialCounts = new long[chunks * k];
        _partialInertia = new double[chunks];
        _partialChanged = new long[chunks];
        if (d == 2)
        {
            // Column copies let the two-feature kernel load 4 points per vector.
            _x0 = new double[n];
            _x1 = new double[n];
            for (var i = 0; i < n; i++)
            {
                _x0[i] = x[2 * i];
                _x1[i] = x[(2 * i) + 1];
            }
        }
    }

    public KMeansResult Run(double[] centers, int maxIterations, double tolerance, CancellationToken ct)
    {
        Array.Fill(_labels, -1);
        var sums = new double[_k * _d];
        var counts = new long[_k];
        var iterations = 0;
        for (var it = 0; it < maxIterations; it++)
        {
            iterations = it + 1;
            var changed = Assign(centers, ct);
            Reduce(sums, counts);
            EmptyClusters.Relocate(_x, _n, _d, _k, _labels, centers, sums, counts);
            var shift = 0.0;
            for (var c = 0; c < _k; c++)
            {
                for (var j = 0; j < _d; j++)
                {
                    var updated = sums[(c * _d) + j] / counts[c];
                    var diff = updated - centers[(c * _d) + j];
                    shift += diff * diff;
                    centers[(c * _d) + j] = updated;
                }
            }

            if (changed == 0 || shift <= tolerance)
            {
                break;
            }
        }

        // Final E-step so labels and inertia match the returned centres exactly.
        Assign(centers, ct);
        var inertia = 0.0;
        foreach (var part in _partialInertia)
        {
            inertia += part;
        }

        return new KMeansResult(_k, _d, (double[])centers.Clone(), (int[])_labels.Clone(), inertia, iterations);
    }

    private long Assign(double[] centers, CancellationToken ct)
    {
        ChunkRunner.For(_n, AssignChunk(centers), ct);
        var changed = 0L;
        foreach (var part in _partialChanged)
        {
            changed += part;
        }

        return changed;
    }

    private Action<int, int, int> AssignChunk(double[] centers) => (chunk, start, end) =>
    {
        var (x, d, k, labels) = (_x, _d, _k, _labels);
        var sums = _partialSums.AsSpan(chunk * k * d, k * d);
        var counts = _partialCounts.AsSpan(chunk * k, k);
        sums.Clear();
        counts.Clear();
        if (_x0 is not null && _x1 is not null)
        {
            _partialChanged[chunk] = TwoFeatureKernel.Assign(_x0, _x1, centers, k, start, end, labels, sums, counts, out var twoInertia);
            _partialInertia[chunk] = twoInertia;
            return;
        }

        _partialChanged[chunk] = GenericKernel.Assign(x, d, centers, k, start, end, labels, sums, counts, out var inertia);
        _partialInertia[chunk] = inertia;
    };

    private void Reduce(double[] sums, long[] counts)
    {
        Array.Clear(sums);
        Array.Clear(counts);
        var chunks = _partialInertia.Length;
        for (var chunk = 0; chunk < chunks; chunk++)
        {
            for (var i = 0; i < sums.Length; i++)
            {
                sums[i] += _partialSums[(chunk * sums.Length) + i];
            }

            for (var c = 0; c < _k; c++)
            {
                counts[c] += _partialCounts[(chunk * _k) + c];
            }
        }
    }
}
