using System.Text.Json;
using SortStation.Clustering;

namespace SortStation.Clustering.Tests;

/// <summary>Reads the scikit-learn reference values written by Fixtures/make_fixtures.py.</summary>
internal static class Reference
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "reference.json"))));

    public static JsonElement Root => Document.Value.RootElement;

    public static JsonElement Set(string name) => Root.GetProperty(name);

    public static double[] Flat(JsonElement matrix) =>
        matrix.EnumerateArray().SelectMany(r => r.EnumerateArray().Select(v => v.GetDouble())).ToArray();

    public static int[] Ints(JsonElement array) => array.EnumerateArray().Select(v => v.GetInt32()).ToArray();

    public static Dictionary<int, double> SseByK(JsonElement obj) =>
        obj.EnumerateObject().ToDictionary(p => int.Parse(p.Name), p => p.Value.GetDouble());

    /// <summary>Loads a fixture CSV (simple: no quoted commas) into a raw table.</summary>
    public static RawTable Csv(string fileName) => SimpleCsv.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", fileName));

    public static FeatureMatrix Matrix(string fileName) => Cleaner.Clean(Csv(fileName), false).Dataset.Features;
}
