namespace SortStation.Clustering;

/// <summary>Clean numeric rows plus the item type and source line of each row.</summary>
public sealed class Dataset
{
    public Dataset(FeatureMatrix features, IReadOnlyList<string> itemTypes, IReadOnlyList<int> lines)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(itemTypes);
        ArgumentNullException.ThrowIfNull(lines);
        if (itemTypes.Count != features.Rows || lines.Count != features.Rows)
        {
            throw new ArgumentException("Item types and lines must have one entry per row.", nameof(itemTypes));
        }

        Features = features;
        ItemTypes = itemTypes;
        Lines = lines;
    }

    public FeatureMatrix Features { get; }

    public IReadOnlyList<string> ItemTypes { get; }

    public IReadOnlyList<int> Lines { get; }

    public int Count => Features.Rows;

    public Dataset SelectRows(IReadOnlyList<int> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var types = new string[rows.Count];
        var lines = new int[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            types[i] = ItemTypes[rows[i]];
            lines[i] = Lines[rows[i]];
        }

        return new Dataset(Features.SelectRows(rows), types, lines);
    }
}
