using System.Globalization;
using System.Text.Json;

namespace SortStation.Commands;

/// <summary>
/// Writes measured values into a JSON configuration file (e.g. /etc/sortstation/sortstation.json), creating
/// the file or the section when missing. An existing file is edited in place (<see cref="JsonNumberEdit"/>):
/// every other key, the comments and the layout stay as the technician wrote them.
/// </summary>
internal static class ConfigFileWriter
{
    public static void Set(FileInfo file, string section, IReadOnlyDictionary<string, double> values)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(values);
        var numbers = values.Select(v => KeyValuePair.Create(v.Key, Math.Round(v.Value, 3).ToString(CultureInfo.InvariantCulture))).ToList();
        var text = file.Exists ? File.ReadAllText(file.FullName) : string.Empty;
        if (string.IsNullOrWhiteSpace(text))
        {
            text = "{}";
        }

        try
        {
            text = JsonNumberEdit.Set(text, section, numbers);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{file.FullName}: not valid JSON ({ex.Message}); nothing written.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw new InvalidDataException($"{file.FullName}: {ex.Message} Nothing written.", ex);
        }

        file.Directory?.Create();
        File.WriteAllText(file.FullName, text.EndsWith('\n') ? text : text + Environment.NewLine);
    }

    public static string Describe(string section, IReadOnlyDictionary<string, double> values) =>
        string.Join(", ", values.Select(v => $"{section}:{v.Key} = {v.Value.ToString("0.###", CultureInfo.InvariantCulture)}"));
}
