using SortStation.Contracts;
using SortStation.Core.Identity;

namespace SortStation.Central.Bench;

/// <summary>Valid weighings as the stations send them (ULID ids, six labels, several stations).</summary>
internal static class BenchRecords
{
    private static readonly string[] Labels = ["cardboard", "glass", "metal", "paper", "plastic", "trash"];

    public static List<(string Topic, byte[] Payload)> Create(int count, int stations)
    {
        var ids = new ItemIdGenerator(TimeProvider.System);
        var start = TimeProvider.System.GetUtcNow().AddDays(-1);
        return [.. Enumerable.Range(0, count).Select(i =>
        {
            var station = $"station-{i % stations:D2}";
            var kg = 0.05 + (i % 100 / 100.0);
            var record = new WeighingRecord
            {
                ItemId = ids.Next(),
                StationId = station,
                Timestamp = start.AddMilliseconds(i),
                Label = Labels[i % Labels.Length],
                Confidence = 0.9,
                Top = [new LabelScore(Labels[i % Labels.Length], 0.9), new LabelScore("trash", 0.05)],
                WeightKg = kg,
                UnitPrice = 3500,
                Value = Math.Round((decimal)kg * 3500, MidpointRounding.AwayFromZero), // as the station prices it (IDR, 0 decimals)
                Currency = "IDR",
                Bin = "bin-1",
                Reason = "routed",
                Model = "mobilenetv2-trashnet@1.0.0",
            };
            return (Topics.Weighing("sortstation", station), ContractJson.Serialize(record));
        })];
    }
}
