using SortStation.Central.Queries;
using SortStation.Central.Web.Api;

namespace SortStation.Central.Web.Pages;

/// <summary>One totals table of the dashboard: rows of a dimension, linked to the weighings filtered by it.</summary>
public sealed record SummaryTableModel(string Title, string KeyHeading, IReadOnlyList<SummaryRow> Rows, long TotalItems, string Currency, string Dimension);

/// <summary>A weighings table; with a request, its headings sort and keep the filters.</summary>
public sealed record WeighingTableModel(IReadOnlyList<WeighingRow> Rows, WeighingRequest? Request, Func<string, string>? SortLink);
