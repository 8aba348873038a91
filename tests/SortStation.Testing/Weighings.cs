using SortStation.Contracts;

namespace SortStation.Testing;

/// <summary>Synthetic weighings with unique, recognisable item ids, for the outbox and publisher tests and bench.</summary>
public static class Weighings
{
    public static WeighingRecord Create(string runId, int index, string stationId = "test-station") =>
        Create($"{runId}-{index:D6}", stationId, DateTimeOffset.UnixEpoch.AddSeconds(index));

    /// <summary>A routed 125 g plastic item, priced, with its top three labels.</summary>
    public static WeighingRecord Create(string itemId, string stationId, DateTimeOffset timestamp) => new()
    {
        ItemId = itemId,
        StationId = stationId,
        Timestamp = timestamp,
        Label = "plastic",
        Confidence = 0.93,
        Top = [new LabelScore("plastic", 0.93), new LabelScore("glass", 0.04), new LabelScore("metal", 0.02)],
        WeightKg = 0.125,
        UnitPrice = 3500,
        Value = 438,
        Currency = "IDR",
        Bin = "plastic",
        Reason = "routed",
        Model = "mobilenetv2-trashnet@1.0.0",
    };
}
