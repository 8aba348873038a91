using SortStation.Contracts;
using SortStation.Core.Identity;

namespace SortStation.Testing;

/// <summary>
/// A reproducible fleet's weighings (seeded random): stations, labels with their prices and weights, low-confidence
/// rejects without price, a few without weight, some priced in another currency, spread over the given days with
/// more items in the day than at night. Used by the tests and by the console benchmark's seeding command.
/// </summary>
public static class SeededWeighings
{
    public const string Currency = "IDR";
    public const string OtherCurrency = "USD";

    private static readonly (string Label, string Bin, decimal Price, double MeanKg)[] Kinds =
    [
        ("cardboard", "fibre", 2000, 0.35), ("paper", "fibre", 1500, 0.12), ("glass", "glass", 500, 0.45),
        ("metal", "metal", 8000, 0.08), ("plastic", "plastic", 3000, 0.05), ("trash", "residual", 200, 0.2),
    ];

    private static readonly string[] RejectReasons = ["low-confidence", "low-confidence", "low-confidence", "unknown-label", "camera-fault"];

    public static IEnumerable<WeighingRecord> Create(int count, int stations, DateTimeOffset from, DateTimeOffset to, int seed = 42)
    {
        var random = new Random(seed);
        var ids = new ItemIdGenerator(TimeProvider.System);
        var span = (to - from).TotalMilliseconds;
        for (var i = 0; i < count; i++)
        {
            var kind = Kinds[random.Next(Kinds.Length)];
            // Two draws, the earlier kept if it falls in 06:00-18:00 UTC+7: a day-heavy profile.
            var at = from.AddMilliseconds(Math.Floor(random.NextDouble() * span));
            if ((at.UtcDateTime.Hour + 7) % 24 is < 6 or >= 18)
            {
                at = from.AddMilliseconds(Math.Floor(random.NextDouble() * span));
            }

            var confidence = Math.Round(0.3 + (0.7 * Math.Sqrt(random.NextDouble())), 4);
            var rejected = confidence < 0.6 || random.Next(50) == 0;
            var weight = random.Next(40) == 0 ? (double?)null : Math.Round(kind.MeanKg * (0.3 + (1.4 * random.NextDouble())), 4);
            var currency = random.Next(100) == 0 ? OtherCurrency : Currency;
            var price = rejected ? (decimal?)null : currency == Currency ? kind.Price : Math.Round(kind.Price / 16000m, 4);
            var value = weight is { } w && price is { } p ? Math.Round((decimal)w * p, currency == Currency ? 0 : 2, MidpointRounding.AwayFromZero) : (decimal?)null;
            yield return new WeighingRecord
            {
                ItemId = ids.Next(),
                StationId = $"station-{(i % stations) + 1:00}",
                Timestamp = at,
                Label = kind.Label,
                Confidence = confidence,
                Top = [new LabelScore(kind.Label, confidence), new LabelScore("trash", Math.Round(1 - confidence, 4))],
                WeightKg = weight,
                UnitPrice = value is null ? null : price,
                Value = value,
                Currency = value is null ? null : currency,
                Bin = rejected ? "reject" : kind.Bin,
                Reason = rejected ? RejectReasons[random.Next(RejectReasons.Length)] : "routed",
                Model = "mobilenetv2-trashnet@1.0.0",
            };
        }
    }
}
