namespace SortStation.Central.Ingest;

/// <summary>Size and range limits of an accepted weighing; column widths of the schema follow them.</summary>
public static class IngestLimits
{
    public const int MaxPayloadBytes = 16 * 1024;
    public const int MaxLabelLength = 64;
    public const int MaxStationIdLength = 64;
    public const int MaxBinLength = 64;
    public const int MaxReasonLength = 64;
    public const int MaxModelLength = 128;
    public const int MaxTopEntries = 20;
    public const double MaxWeightKg = 1000;

    /// <summary>A station records the weight to 0.1 g (<c>Math.Round(kg, 4)</c> in the sorting pipeline).</summary>
    public const decimal WeightQuantumKg = 0.0001m;

    /// <summary>Fits PostgreSQL's NUMERIC(18,4) with room to spare.</summary>
    public const decimal MaxMoney = 1_000_000_000_000m;
}
