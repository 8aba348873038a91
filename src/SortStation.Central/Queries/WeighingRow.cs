using SortStation.Contracts;

namespace SortStation.Central.Queries;

/// <summary>One stored weighing as the console and its API show it (the record as received, plus when central stored it).</summary>
public sealed record WeighingRow(
    string ItemId,
    string StationId,
    DateTimeOffset Timestamp,
    string Label,
    double Confidence,
    IReadOnlyList<LabelScore> Top,
    double? WeightKg,
    decimal? UnitPrice,
    decimal? Value,
    string? Currency,
    string Bin,
    string Reason,
    string Model,
    DateTimeOffset ReceivedAt)
{
    public bool Rejected => !string.Equals(Reason, ReasonNames.Routed, StringComparison.Ordinal);
}
