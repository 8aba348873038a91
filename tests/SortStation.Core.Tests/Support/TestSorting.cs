using SortStation.Core.Options;

namespace SortStation.Core.Tests.Support;

/// <summary>A small valid station layout for tests: two gated bins and a passive reject bin.</summary>
public static class TestSorting
{
    public static SortingOptions Options() => new()
    {
        MinConfidence = 0.6,
        RejectBin = "reject",
        Routes = new(StringComparer.OrdinalIgnoreCase) { ["glass"] = "glass", ["paper"] = "fibre", ["cardboard"] = "fibre" },
        Bins = new(StringComparer.OrdinalIgnoreCase)
        {
            ["fibre"] = new BinOptions { Gate = GateKind.Solenoid, Pin = 17, DistanceMeters = 0.4 },
            ["glass"] = new BinOptions { Gate = GateKind.Solenoid, Pin = 27, DistanceMeters = 0.8 },
            ["reject"] = new BinOptions { Gate = GateKind.None, DistanceMeters = 1.6 },
        },
    };
}
