using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using SortStation.Central.Queries;
using SortStation.Central.Web.Api;
using SortStation.Central.Web.Options;

namespace SortStation.Central.Web.Pages;

/// <summary>Weighings: filters, sort, pages; the export link carries the same filters to <c>/api/weighings.csv</c>.</summary>
public sealed class WeighingsModel(WeighingQueries weighings, DimensionQueries dimensions, ConsoleClock clock) : PageModel
{
    public static readonly int[] PageSizes = [25, 50, 100, 200];

    public WeighingRequest Query { get; private set; } = null!;

    public WeighingPage Result { get; private set; } = null!;

    public QueryErrors Errors { get; } = new();

    public Dimensions Choices { get; private set; } = Dimensions.Empty;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Query = WeighingRequest.Parse(Request.Query, clock, Errors);
        Choices = await dimensions.ReadAsync(cancellationToken);
        Result = Errors.Any
            ? new WeighingPage([], 1, Query.PageSize, 0, true)
            : await weighings.PageAsync(Query.Filter, Query.Sort, Query.Page, Query.PageSize, cancellationToken);
        return Page();
    }

    /// <summary>This page's query with some parameters replaced (null removes one).</summary>
    public string With(params (string Name, string? Value)[] changes)
    {
        var values = Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString(), StringComparer.Ordinal);
        foreach (var (name, value) in changes)
        {
            values[name] = value;
        }

        return QueryHelpers.AddQueryString(string.Empty, values.Where(v => !string.IsNullOrEmpty(v.Value)));
    }

    public string SortLink(string field) =>
        "/weighings" + With(("sort", Query.Sort.Field == field && !Query.Sort.Descending ? "-" + field : field), ("page", null));

    public string Value(string name) => Request.Query[name].ToString();
}
