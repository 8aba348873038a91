using System.Text;

namespace SortStation.Central.Queries;

/// <summary>The WHERE clause of a <see cref="WeighingFilter"/>: fixed column names, every value a parameter.</summary>
internal static class FilterSql
{
    public static (string Where, List<(string Name, object Value)> Parameters) Build(WeighingFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var where = new StringBuilder();
        var parameters = new List<(string, object)>();
        void Add(string condition, string name, object value)
        {
            where.Append(where.Length == 0 ? " WHERE " : " AND ").Append(condition);
            parameters.Add((name, value));
        }

        if (filter.Station is { } station)
        {
            Add("station_id = @station", "@station", station);
        }

        if (filter.Label is { } label)
        {
            Add("label = @label", "@label", label);
        }

        if (filter.Bin is { } bin)
        {
            Add("bin = @bin", "@bin", bin);
        }

        if (filter.Reason is { } reason)
        {
            Add("reason = @reason", "@reason", reason);
        }

        if (filter.From is { } from)
        {
            Add("ts_ms >= @from", "@from", from.ToUnixTimeMilliseconds());
        }

        if (filter.To is { } to)
        {
            Add("ts_ms < @to", "@to", to.ToUnixTimeMilliseconds());
        }

        if (filter.MinConfidence is { } min)
        {
            Add("confidence >= @minconf", "@minconf", min);
        }

        if (filter.MaxConfidence is { } max)
        {
            Add("confidence <= @maxconf", "@maxconf", max);
        }

        if (filter.ItemIdPrefix is { } prefix)
        {
            var (low, high) = ItemIdSearch.Range(prefix);
            Add("item_id >= @idlow", "@idlow", low);
            if (high is not null)
            {
                Add("item_id < @idhigh", "@idhigh", high);
            }
        }

        return (where.ToString(), parameters);
    }
}
