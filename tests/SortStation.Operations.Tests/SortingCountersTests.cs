using SortStation.Contracts;
using SortStation.Core.Pipeline;
using SortStation.Core.Routing;

namespace SortStation.Operations.Tests;

/// <summary>The counters added to SortingStatistics for /metrics.</summary>
public sealed class SortingCountersTests
{
    [Fact]
    public void Counters_ItemsOfLabelsAndBins_CountedPerPair()
    {
        var statistics = new SortingStatistics();

        statistics.Record(Outcome("glass", "glass", 0.2, 20));
        statistics.Record(Outcome("glass", "glass", 0.2, 20));
        statistics.Record(Outcome("glass", "reject", 0.2, 20, reject: true));

        var c = statistics.Counters();
        Assert.Equal(2, c.PerLabelAndBin.Single(p => p is { Label: "glass", Bin: "glass" }).Count);
        Assert.Equal(1, c.PerLabelAndBin.Single(p => p is { Label: "glass", Bin: "reject" }).Count);
        Assert.Equal(1, c.Rejects);
    }

    [Fact]
    public void Counters_ItemWithoutWeight_CountedAsScaleFault()
    {
        var statistics = new SortingStatistics();

        statistics.Record(Outcome("glass", "glass", weightKg: null, latencyMs: 20));

        Assert.Equal(1, statistics.Counters().MissingWeights);
    }

    private static SortOutcome Outcome(string label, string bin, double? weightKg, double latencyMs, bool reject = false)
    {
        var record = new WeighingRecord
        {
            ItemId = "01J000000000000000000000000",
            StationId = "s",
            Timestamp = DateTimeOffset.UnixEpoch,
            Label = label,
            Confidence = 0.9,
            Top = [new LabelScore(label, 0.9)],
            WeightKg = weightKg,
            Bin = bin,
            Reason = reject ? "low-confidence" : "routed",
            Model = "m@1",
        };
        return new SortOutcome(record, new RoutingDecision(bin, reject ? RouteReason.LowConfidence : RouteReason.Routed), TimeSpan.FromMilliseconds(latencyMs), TimeSpan.FromMilliseconds(10));
    }
}
