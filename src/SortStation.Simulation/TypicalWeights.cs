using SortStation.Core.Units;

namespace SortStation.Simulation;

/// <summary>Typical single-item weights a waste bank sees, for plausible simulated weighings.</summary>
public static class TypicalWeights
{
    private static readonly Dictionary<string, Mass> ByLabel = new(StringComparer.OrdinalIgnoreCase)
    {
        ["cardboard"] = Mass.FromGrams(300), // flattened shipping box
        ["glass"] = Mass.FromGrams(350),     // 0.5 l bottle
        ["metal"] = Mass.FromGrams(40),      // food or drink can
        ["paper"] = Mass.FromGrams(60),      // a few sheets / a magazine
        ["plastic"] = Mass.FromGrams(30),    // PET bottle
        ["trash"] = Mass.FromGrams(80),
    };

    public static IReadOnlyList<string> Labels { get; } = [.. ByLabel.Keys];

    public static Mass For(string label) => ByLabel.TryGetValue(label, out var m) ? m : Mass.FromGrams(100);
}
