namespace SortStation.Central.Queries;

/// <summary>
/// Adds up rollup groups and raw rows per dimension (a row taken away from a bucket is added with items -1), then
/// shapes them into a <see cref="FleetSummary"/>; a group whose items come to zero is not in the period.
/// </summary>
internal sealed class SummaryTotals(string currency)
{
    private readonly Dictionary<(string Dim, string Key), (long Items, double WeightKg, decimal Value)> _groups = [];
    private readonly SortedDictionary<string, (long Items, decimal Value)> _other = new(StringComparer.Ordinal);

    public void Add(string dim, string key, string rowCurrency, long items, double weightKg, decimal value)
    {
        var inCurrency = string.Equals(rowCurrency, currency, StringComparison.Ordinal);
        var (n, w, v) = _groups.GetValueOrDefault((dim, key));
        _groups[(dim, key)] = (n + items, w + weightKg, v + (inCurrency ? value : 0));
        if (!inCurrency && rowCurrency.Length > 0 && dim == "station")
        {
            var (otherItems, otherValue) = _other.GetValueOrDefault(rowCurrency);
            _other[rowCurrency] = (otherItems + items, otherValue + value);
        }
    }

    public FleetSummary ToSummary(DateTimeOffset from, DateTimeOffset to, IReadOnlyList<HourCount> hourly)
    {
        var stations = Rows("station");
        var total = new SummaryRow("total", stations.Sum(r => r.Items), stations.Sum(r => r.WeightKg), stations.Sum(r => r.Value));
        var rejects = Rows("reason").Where(r => r.Key != ReasonNames.Routed).ToList();
        var rejected = rejects.Sum(r => r.Items);
        return new FleetSummary(
            from,
            to,
            currency,
            total,
            rejected,
            total.Items == 0 ? 0 : (double)rejected / total.Items,
            Rows("label"),
            stations,
            Rows("bin"),
            rejects,
            hourly,
            _other.Where(o => o.Value.Items != 0).ToDictionary(o => o.Key, o => o.Value.Value, StringComparer.Ordinal));
    }

    // Largest first; equal counts by key, so the order is the same on both databases.
    private List<SummaryRow> Rows(string dim) =>
        [.. _groups.Where(g => g.Key.Dim == dim && g.Value.Items != 0)
            .Select(g => new SummaryRow(g.Key.Key, g.Value.Items, Math.Round(g.Value.WeightKg, 6), Math.Round(g.Value.Value, 4)))
            .OrderByDescending(r => r.Items).ThenBy(r => r.Key, StringComparer.Ordinal)];
}
