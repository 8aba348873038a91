using System.Globalization;
using System.Text.Json;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Commands;

/// <summary>
/// Writes measured values into a JSON configuration file (e.g. /etc/sortstation/sortstation.json), creating
/// the file or the section when missing. An existing file's text is edited (<see cref="JsonNumberEdit"/>):
/// every other key, the comments and the layout stay as the technician wrote them; the result replaces
/// the file atomically.
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

        Replace(file, text.EndsWith('\n') ? text : text + Environment.NewLine);
    }

    /// <summary>
    /// Why <paramref name="file"/> could not be replaced (its directory must take a new file), or null: asked
    /// before measuring, so a technician does not calibrate for nothing.
    /// </summary>
    public static string? CannotWrite(FileInfo file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return WritablePath.Problem(Target(file)) is { } problem ? $"--write {file.FullName}: {problem} Nothing was measured." : null;
    }

    private static string Target(FileInfo file) =>
        file.LinkTarget is null ? file.FullName : file.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? file.FullName;

    /// <summary>
    /// Writes a temporary file beside the target and renames it over the target (atomic on one filesystem),
    /// because the running station watches the file: an in-place rewrite can be read half-written and
    /// reloaded truncated. A symbolic link stays a link (its target is replaced) and the file's mode is
    /// kept; its owner becomes the user running the command (root under sudo, as install.sh creates it).
    /// </summary>
    private static void Replace(FileInfo file, string text)
    {
        var target = Target(file);
        var folder = Path.GetDirectoryName(target) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(System.Text.Encoding.UTF8.GetBytes(text));
                stream.Flush(flushToDisk: true);
            }

            if (File.Exists(target) && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(temporary, File.GetUnixFileMode(target));
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing left behind when the write or the rename failed
        }
    }

    public static string Describe(string section, IReadOnlyDictionary<string, double> values) =>
        string.Join(", ", values.Select(v => $"{section}:{v.Key} = {v.Value.ToString("0.###", CultureInfo.InvariantCulture)}"));
}
