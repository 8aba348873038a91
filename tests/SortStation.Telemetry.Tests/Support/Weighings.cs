using SortStation.Contracts;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>Synthetic weighings with unique, recognisable item ids.</summary>
public static class Weighings
{
    public static WeighingRecord Create(string runId, int index, string stationId = "test-station") => new()
    {
        ItemId = $"{runId}-{index:D6}",
        StationId = stationId,
        Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(index),
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
