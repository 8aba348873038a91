using Microsoft.Extensions.Options;
using SortStation.Kernel.Options;

namespace SortStation.Central.Options;

/// <summary>Rules of <see cref="CentralClusteringOptions"/>.</summary>
public sealed class CentralClusteringOptionsValidator : IValidateOptions<CentralClusteringOptions>
{
    public ValidateOptionsResult Validate(string? name, CentralClusteringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new ConfigErrors();
        if (!(options.IntervalMinutes >= 0.1) || options.IntervalMinutes > 7 * 24 * 60)
        {
            errors.Add("Clustering:IntervalMinutes", options.IntervalMinutes, "must be 0.1 min to a week.", "use 60.");
        }

        var groupBy = options.GroupBy?.Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (groupBy is not ("LABEL" or "STATION,LABEL"))
        {
            errors.Add("Clustering:GroupBy", options.GroupBy, "is not a known grouping.", "use label (fleet totals per item type) or station,label.");
        }

        if (options.PeriodDays is < 1 or > 3660)
        {
            errors.Add("Clustering:PeriodDays", options.PeriodDays, "must be 1–3660 days.", "use 30.");
        }

        if (!KRange.TryParse(options.KRange, out var min, out _) || min < 2)
        {
            errors.Add("Clustering:KRange", options.KRange, "must look like 2-10 with 2 <= min <= max.", "use 2-10.");
        }

        if (options.Scale is not ("standard" or "minmax" or "none"))
        {
            errors.Add("Clustering:Scale", options.Scale, "is not a known scaling.", "use standard, minmax or none.");
        }

        return errors.ToResult();
    }
}
