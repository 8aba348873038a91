namespace SortStation.Operations;

/// <summary>One labelled value of a metric family, e.g. items_total{label="glass",bin="glass"} 12.</summary>
public sealed record MetricSample(IReadOnlyList<KeyValuePair<string, string>> Labels, double Value)
{
    public static MetricSample Of(double value, params (string Name, string Value)[] labels) =>
        new([.. labels.Select(l => KeyValuePair.Create(l.Name, l.Value))], value);
}
