using SortStation.Kernel.Options;
using SortStation.Hardware.Scale;

namespace SortStation.Hardware.Options;

/// <summary>
/// Rules of Scale:CalibrationFile: an absolute path to a .json file (the service and the technician's commands
/// run from different directories, so a relative path would name two files), and, when the file exists, a
/// valid calibration: a damaged one stops the start instead of weighing with a wrong factor.
/// </summary>
internal static class CalibrationFileRules
{
    private const string Key = ScaleOptions.Section + ":CalibrationFile";

    public static void Check(ConfigErrors errors, string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path) || !path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(Key, path, "must be an absolute path to a .json file.", $"use {ScaleCalibrationFile.DefaultPath}.");
            return;
        }

        if (Directory.Exists(path))
        {
            errors.Add(Key, path, "is a directory.", $"name a file in it, e.g. {Path.Combine(path, "scale-calibration.json")}.");
            return;
        }

        try
        {
            ScaleCalibrationFile.Read(path);
        }
        catch (InvalidDataException ex)
        {
            errors.Add(Key, path, $"cannot be used: {ex.Message}", "run sortstation calibrate-scale --known-mass 1.000kg again (it rewrites the file), or delete the file to fall back to Scale:CountsPerKilogram.");
        }
    }
}
