using System.Text.Json;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Scale;

/// <summary>
/// The scale's calibration file (Scale:CalibrationFile), written by the technician's commands and read by the
/// scale driver at start. It wins over Scale:CountsPerKilogram/ZeroCounts, which stay as the fallback for a
/// station calibrated before the file existed. The commands own this file, so the technician's JSON is never edited.
/// </summary>
public static class ScaleCalibrationFile
{
    public const string DefaultPath = "/var/lib/sortstation/scale-calibration.json";

    /// <summary>The record in <paramref name="path"/>; null when there is no such file.</summary>
    /// <exception cref="InvalidDataException">The file exists but cannot be read or is not a valid calibration.</exception>
    public static ScaleCalibrationRecord? Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            return null;
        }

        ScaleCalibrationRecord? record;
        try
        {
            using var stream = File.OpenRead(path);
            record = JsonSerializer.Deserialize(stream, ScaleCalibrationJsonContext.Default.ScaleCalibrationRecord);
        }
        catch (Exception ex) when (ex is JsonException or IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new InvalidDataException($"{path}: not a readable calibration file ({ex.Message}).", ex);
        }

        var problem = record is null ? "empty" : record.Problem();
        if (problem is not null)
        {
            throw new InvalidDataException($"{path}: not a valid calibration file ({problem}).");
        }

        return record!;
    }

    /// <summary>
    /// The calibration the driver starts with: the file's when there is one, else the configuration's.
    /// <paramref name="source"/> tells which, for the start-up log.
    /// </summary>
    public static ScaleCalibration Resolve(ScaleOptions options, out string source)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (Read(options.CalibrationFile) is { } record)
        {
            source = $"{options.CalibrationFile} (calibrated {record.CalibratedAt:u})";
            return new ScaleCalibration(record.ZeroCounts, record.CountsPerKilogram);
        }

        source = $"Scale:CountsPerKilogram in the configuration (no {options.CalibrationFile})";
        return new ScaleCalibration(options.ZeroCounts, options.CountsPerKilogram);
    }

    /// <summary>
    /// Writes a temporary file beside the target, flushed to disk, and renames it over the target (atomic on
    /// one filesystem): a power cut or a crash leaves the old file or the new one, never half of one.
    /// </summary>
    public static void Write(string path, ScaleCalibrationRecord record)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(record);
        if (record.Problem() is { } problem)
        {
            throw new ArgumentException($"Not a valid calibration: {problem}.", nameof(record));
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                JsonSerializer.Serialize(stream, record, ScaleCalibrationJsonContext.Default.ScaleCalibrationRecord);
                stream.WriteByte((byte)'\n');
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary); // nothing left behind when the write or the rename failed
        }
    }
}
