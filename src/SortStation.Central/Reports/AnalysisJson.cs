using System.Text.Json;
using System.Text.Json.Serialization;
using SortStation.Clustering;

namespace SortStation.Central.Reports;

/// <summary>camelCase JSON with enum names as strings (e.g. dropped[].kind = "invalid").</summary>
public static class AnalysisJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(AnalysisResult result) => JsonSerializer.Serialize(result, Options);
}
