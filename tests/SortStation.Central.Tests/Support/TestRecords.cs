using System.Text;
using SortStation.Contracts;
using SortStation.Core.Identity;

namespace SortStation.Central.Tests.Support;

/// <summary>Valid weighings with real ULIDs, and the malformed kinds a broken station could send.</summary>
public static class TestRecords
{
    private static readonly ItemIdGenerator Ids = new(TimeProvider.System);
    private static readonly string[] Labels = ["cardboard", "glass", "metal", "paper", "plastic", "trash"];

    /// <summary>Default timestamps start here: within Central:MaxRecordAgeDays of today, and 20 000 records (one a second) stay in the past.</summary>
    public static readonly DateTimeOffset Epoch = TimeProvider.System.GetUtcNow().AddHours(-12);

    public static string NewId() => Ids.Next();

    public static WeighingRecord Create(int index, string stationId = "station-01", string? label = null, double? weightKg = 0.125, decimal? unitPrice = 3500, DateTimeOffset? timestamp = null) => new()
    {
        ItemId = NewId(),
        StationId = stationId,
        Timestamp = timestamp ?? Epoch.AddSeconds(index),
        Label = label ?? Labels[index % Labels.Length],
        Confidence = 0.93,
        Top = [new LabelScore("plastic", 0.93), new LabelScore("glass", 0.04)],
        WeightKg = weightKg,
        UnitPrice = unitPrice,
        Value = weightKg is { } w && unitPrice is { } p ? Math.Round((decimal)w * p, MidpointRounding.AwayFromZero) : null, // as the station prices (IDR)
        Currency = "IDR",
        Bin = "plastic",
        Reason = "routed",
        Model = "mobilenetv2-trashnet@1.0.0",
    };

    public static string Topic(string stationId = "station-01", string prefix = "sortstation") => Topics.Weighing(prefix, stationId);

    public static byte[] Json(WeighingRecord record) => ContractJson.Serialize(record);

    /// <summary>Cycles through malformed payloads: broken JSON, wrong schema, bad id, confidence out of range.</summary>
    public static byte[] Malformed(int index) => (index % 4) switch
    {
        0 => Encoding.UTF8.GetBytes("{\"schema\":\"sortstation.weighing/1\",\"itemId\":"),
        1 => Json(Create(index) with { Schema = "sortstation.weighing/99" }),
        2 => Json(Create(index) with { ItemId = "not-a-ulid" }),
        _ => Json(Create(index) with { Confidence = 1.5 }),
    };
}
