using System.Text.Json;
using System.Text.Json.Serialization;

namespace SortStation.Commands;

/// <summary>JSON style of command output: camelCase, indented, nulls omitted.</summary>
internal static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
