namespace SortStation.Hardware.Scale;

/// <summary>
/// Contents of the calibration file <c>sortstation calibrate-scale</c> owns (Scale:CalibrationFile):
/// the factor, the empty scale's counts (used when Scale:TareOnStart is false) and when and how it was measured.
/// </summary>
public sealed record ScaleCalibrationRecord(
    string Schema,
    double CountsPerKilogram,
    double ZeroCounts,
    DateTimeOffset CalibratedAt,
    double? KnownMassKilograms)
{
    public const string CurrentSchema = "sortstation.scale-calibration/1";

    /// <summary>Why the record cannot be used, or null.</summary>
    public string? Problem() =>
        Schema != CurrentSchema ? $"schema is \"{Schema}\", expected \"{CurrentSchema}\""
        : !double.IsFinite(CountsPerKilogram) || Math.Abs(CountsPerKilogram) < 1 ? $"countsPerKilogram {CountsPerKilogram} is not a non-zero number of counts per kilogram"
        : !double.IsFinite(ZeroCounts) ? $"zeroCounts {ZeroCounts} is not a number"
        : null;
}
