namespace SortStation.Clustering;

/// <summary>Dense row-major matrix of doubles; flat storage keeps the k-means loops cache friendly.</summary>
public sealed class FeatureMatrix
{
    internal readonly double[] Data;

    /// <summary>Wraps <paramref name="rowMajor"/> without copying (the matrix takes ownership).</summary>
    public FeatureMatrix(IReadOnlyList<string> names, double[] rowMajor)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(rowMajor);
        if (names.Count == 0)
        {
            throw new ArgumentException("At least one feature is required.", nameof(names));
        }

        if (rowMajor.Length % names.Count != 0)
        {
            throw new ArgumentException("Array length is not a multiple of the feature count.", nameof(rowMajor));
        }

        Names = names;
        Columns = names.Count;
        Rows = rowMajor.Length / names.Count;
        Data = rowMajor;
    }

    public IReadOnlyList<string> Names { get; }

    public int Rows { get; }

    public int Columns { get; }

    public double this[int row, int column] => Data[(row * Columns) + column];

    public ReadOnlySpan<double> Row(int row) => Data.AsSpan(row * Columns, Columns);

    public ReadOnlySpan<double> AsSpan() => Data;

    /// <summary>Copies the given rows, in order, into a new matrix.</summary>
    public FeatureMatrix SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var data = new double[rows.Count * Columns];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Copy(Data, rows[i] * Columns, data, i * Columns, Columns);
        }

        return new FeatureMatrix(Names, data);
    }

    /// <summary>Copies one column.</summary>
    public double[] Column(int column)
    {
        var result = new double[Rows];
        for (var i = 0; i < Rows; i++)
        {
            result[i] = Data[(i * Columns) + column];
        }

        return result;
    }
}
