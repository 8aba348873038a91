namespace SortStation.Central.Queries;

/// <summary>
/// One page of a weighings list. <see cref="Total"/> counts the matching rows up to <see cref="WeighingQueries.CountLimit"/>;
/// above it <see cref="TotalIsExact"/> is false and the total reads "more than". An exact count of a million rows
/// would cost more than the page itself.
/// </summary>
public sealed record WeighingPage(IReadOnlyList<WeighingRow> Items, int Page, int PageSize, long Total, bool TotalIsExact)
{
    public long Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public bool HasNext => Page * (long)PageSize < Total;
}
