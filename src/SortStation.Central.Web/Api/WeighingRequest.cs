using Microsoft.AspNetCore.Http;
using SortStation.Central.Queries;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Api;

/// <summary>
/// A weighings list request, from <c>station, label, bin, reason, from, to, minConfidence, maxConfidence, q, page,
/// pageSize, sort</c>: the same parameters for the page, <c>/api/weighings</c> and <c>/api/weighings.csv</c>.
/// </summary>
public sealed record WeighingRequest(WeighingFilter Filter, WeighingSort Sort, int Page, int PageSize)
{
    public const int DefaultPageSize = 50;

    public static WeighingRequest Parse(IQueryCollection query, ConsoleClock clock, QueryErrors errors)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(errors);
        var q = QueryValues.Text(query, "q", errors, ItemIdSearch.Length);
        var prefix = q is null ? null : ItemIdSearch.Normalise(q);
        if (q is not null && prefix is null)
        {
            errors.Add("q", "the start of an item id: up to 26 letters and digits (a ULID)");
        }

        if (!WeighingSort.TryParse(query["sort"].ToString().Trim(), out var sort))
        {
            errors.Add("sort", $"one of {string.Join(", ", WeighingSort.Fields)}, with '-' in front for descending");
        }

        var filter = new WeighingFilter
        {
            Station = QueryValues.Text(query, "station", errors),
            Label = QueryValues.Text(query, "label", errors),
            Bin = QueryValues.Text(query, "bin", errors),
            Reason = QueryValues.Text(query, "reason", errors),
            From = QueryValues.Instant(query, "from", endOfDay: false, clock, errors),
            To = QueryValues.Instant(query, "to", endOfDay: true, clock, errors),
            MinConfidence = QueryValues.Fraction(query, "minConfidence", errors),
            MaxConfidence = QueryValues.Fraction(query, "maxConfidence", errors),
            ItemIdPrefix = prefix,
        };
        var page = QueryValues.Integer(query, "page", 1, 1, 1_000_000, errors);
        var pageSize = QueryValues.Integer(query, "pageSize", DefaultPageSize, 1, WeighingQueries.MaxPageSize, errors);
        return new WeighingRequest(filter, sort, page, pageSize);
    }
}
