using System.Globalization;

namespace SortStation.Clustering;

/// <summary>
/// Tukey fences per feature: a row is an outlier when any feature lies outside
/// [Q1 - factor*IQR, Q3 + factor*IQR]. Quartiles use linear interpolation (numpy's default).
/// </summary>
public static class IqrFilter
{
    public static (Dataset Kept, IReadOnlyList<DroppedRow> Dropped) Apply(Dataset data, double factor = 1.5)
    {
        ArgumentNullException.ThrowIfNull(data);
        var m = data.Features;
        var lower = new double[m.Columns];
        var upper = new double[m.Columns];
        for (var j = 0; j < m.Columns; j++)
        {
            var column = m.Column(j);
            Array.Sort(column);
            var q1 = Quantile(column, 0.25);
            var q3 = Quantile(column, 0.75);
            lower[j] = q1 - (factor * (q3 - q1));
            upper[j] = q3 + (factor * (q3 - q1));
        }

        var keep = new List<int>(m.Rows);
        var dropped = new List<DroppedRow>();
        for (var i = 0; i < m.Rows; i++)
        {
            var reason = Check(m, i, lower, upper);
            if (reason is null)
            {
                keep.Add(i);
            }
            else
            {
                dropped.Add(new DroppedRow(data.Lines[i], DropKind.Outlier, reason));
            }
        }

        return (data.SelectRows(keep), dropped);
    }

    /// <summary>Quantile of sorted values with linear interpolation between order statistics.</summary>
    public static double Quantile(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.IsEmpty)
        {
            return double.NaN;
        }

        var pos = q * (sorted.Length - 1);
        var lo = (int)Math.Floor(pos);
        var hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + ((pos - lo) * (sorted[hi] - sorted[lo]));
    }

    private static string? Check(FeatureMatrix m, int row, double[] lower, double[] upper)
    {
        for (var j = 0; j < m.Columns; j++)
        {
            var v = m[row, j];
            if (v < lower[j] || v > upper[j])
            {
                return string.Create(
                    CultureInfo.InvariantCulture,
                    $"outlier: {m.Names[j]}={v} outside [{lower[j]:G6}, {upper[j]:G6}]");
            }
        }

        return null;
    }
}
