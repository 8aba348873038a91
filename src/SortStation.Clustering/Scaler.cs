namespace SortStation.Clustering;

/// <summary>
/// Fitted per-feature scaling. Arithmetic mirrors scikit-learn so results agree to rounding:
/// standard: (x - mean) / std, std the population std (constant features keep scale 1);
/// min-max: x * s + (0 - min * s) with s = 1 / (max - min) (zero range keeps s = 1).
/// </summary>
public sealed class Scaler
{
    private readonly double[] _center;
    private readonly double[] _scale;

    private Scaler(ScalingMethod method, double[] center, double[] scale)
    {
        Method = method;
        _center = center;
        _scale = scale;
    }

    public ScalingMethod Method { get; }

    /// <summary>Standard: means; min-max: the additive term (-min*s); none: zeros.</summary>
    public IReadOnlyList<double> Center => _center;

    /// <summary>Standard: std; min-max: the multiplier s; none: ones.</summary>
    public IReadOnlyList<double> Scale => _scale;

    public static Scaler Fit(FeatureMatrix data, ScalingMethod method)
    {
        ArgumentNullException.ThrowIfNull(data);
        var d = data.Columns;
        var center = new double[d];
        var scale = new double[d];
        for (var j = 0; j < d; j++)
        {
            var column = data.Column(j);
            (center[j], scale[j]) = method switch
            {
                ScalingMethod.Standard => FitStandard(column),
                ScalingMethod.MinMax => FitMinMax(column),
                _ => (0.0, 1.0),
            };
        }

        return new Scaler(method, center, scale);
    }

    public FeatureMatrix Transform(FeatureMatrix data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var src = data.Data;
        var dst = new double[src.Length];
        var d = data.Columns;
        for (var i = 0; i < src.Length; i++)
        {
            dst[i] = Forward(src[i], i % d);
        }

        return new FeatureMatrix(data.Names, dst);
    }

    public void TransformPoint(ReadOnlySpan<double> raw, Span<double> scaled)
    {
        for (var j = 0; j < raw.Length; j++)
        {
            scaled[j] = Forward(raw[j], j);
        }
    }

    public void InverseTransformPoint(ReadOnlySpan<double> scaled, Span<double> raw)
    {
        for (var j = 0; j < scaled.Length; j++)
        {
            raw[j] = Method switch
            {
                ScalingMethod.Standard => (scaled[j] * _scale[j]) + _center[j],
                ScalingMethod.MinMax => (scaled[j] - _center[j]) / _scale[j],
                _ => scaled[j],
            };
        }
    }

    private double Forward(double x, int j) => Method switch
    {
        ScalingMethod.Standard => (x - _center[j]) / _scale[j],
        ScalingMethod.MinMax => (x * _scale[j]) + _center[j],
        _ => x,
    };

    private static (double Mean, double Std) FitStandard(double[] x)
    {
        var n = x.Length;
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += v;
        }

        var mean = sum / n;
        double correction = 0, squares = 0;
        foreach (var v in x)
        {
            var t = v - mean;
            correction += t;
            squares += t * t;
        }

        // Same one-pass correction term as scikit-learn's _incremental_mean_and_var.
        var variance = (squares - (correction * correction / n)) / n;
        var std = Math.Sqrt(variance);
        return (mean, std < 10 * double.Epsilon * Math.Max(1, Math.Abs(mean)) ? 1.0 : std);
    }

    private static (double Offset, double Multiplier) FitMinMax(double[] x)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        foreach (var v in x)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }

        var range = max - min;
        var s = 1.0 / (range == 0 ? 1.0 : range);
        return (0 - (min * s), s);
    }
}
