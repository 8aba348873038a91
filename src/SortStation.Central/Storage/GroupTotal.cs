namespace SortStation.Central.Storage;

/// <summary>One aggregated row: an item type's totals (fleet-wide, or of one station when <see cref="StationId"/> is set).</summary>
public sealed record GroupTotal(string? StationId, string Label, long Items, double TotalWeightKg, double? MeanUnitPrice)
{
    /// <summary>The clustered item type: <c>plastic</c> or <c>station-01/plastic</c>.</summary>
    public string ItemType => StationId is null ? Label : $"{StationId}/{Label}";
}
