namespace SortStation.Central.Queries;

/// <summary>
/// The dashboard's figures for [<see cref="From"/>, <see cref="To"/>). Items and weights count every weighing;
/// values only those priced in <see cref="Currency"/> (others are listed in <see cref="OtherCurrencies"/>).
/// A rejected item is one whose reason is not <c>routed</c>.
/// </summary>
public sealed record FleetSummary(
    DateTimeOffset From,
    DateTimeOffset To,
    string Currency,
    SummaryRow Totals,
    long Rejected,
    double RejectRate,
    IReadOnlyList<SummaryRow> PerLabel,
    IReadOnlyList<SummaryRow> PerStation,
    IReadOnlyList<SummaryRow> PerBin,
    IReadOnlyList<SummaryRow> RejectReasons,
    IReadOnlyList<HourCount> Hourly,
    IReadOnlyDictionary<string, decimal> OtherCurrencies);

/// <summary>Items, total weight (kg) and total value of one group.</summary>
public sealed record SummaryRow(string Key, long Items, double WeightKg, decimal Value);

/// <summary>Items whose timestamp falls in the UTC hour starting at <see cref="Hour"/>.</summary>
public sealed record HourCount(DateTimeOffset Hour, long Items);
