using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Commands;

/// <summary>Asked before measuring, so a technician does not calibrate for nothing.</summary>
internal static class CalibrationTarget
{
    /// <summary>Why the calibration file cannot be written, or null.</summary>
    public static string? CannotWrite(string? path) =>
        string.IsNullOrWhiteSpace(path) || !Path.IsPathFullyQualified(path)
            ? $"Scale:CalibrationFile = \"{path}\": must be an absolute path. Nothing was measured."
            : WritablePath.Problem(path) is { } problem ? $"Scale:CalibrationFile = {path}: {problem} Nothing was measured." : null;
}
