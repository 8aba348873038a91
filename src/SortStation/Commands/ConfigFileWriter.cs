using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SortStation.Commands;

/// <summary>
/// Writes measured values into a JSON configuration file (e.g. /etc/sortstation/sortstation.json), creating
/// the file or the section when missing and keeping every other key. Comments in the file are not kept.
/// </summary>
internal static class ConfigFileWriter
{
    private static readonly JsonDocumentOptions Read = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonSerializerOptions Write = new() { WriteIndented = true };

    public static void Set(FileInfo file, string section, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(values);
        var root = file.Exists && file.Length > 0
            ? JsonNode.Parse(File.ReadAllText(file.FullName), documentOptions: Read) as JsonObject
                ?? throw new InvalidDataException($"{file.FullName}: the top level is not a JSON object.")
            : [];
        if (root[section] is not JsonObject target)
        {
            target = [];
            root[section] = target;
        }

        foreach (var (key, value) in values)
        {
            target[key] = Math.Round(value, 3);
        }

        file.Directory?.Create();
        File.WriteAllText(file.FullName, root.ToJsonString(Write) + Environment.NewLine);
    }

    public static string Describe(string section, IReadOnlyDictionary<string, double> values) =>
        string.Join(", ", values.Select(v => $"{section}:{v.Key} = {v.Value.ToString("0.###", CultureInfo.InvariantCulture)}"));
}
