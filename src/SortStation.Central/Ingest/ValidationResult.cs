using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>Either the accepted record or why the message was rejected.</summary>
public readonly record struct ValidationResult(WeighingRecord? Record, string? Error)
{
    public bool IsValid => Record is not null;

    public static ValidationResult Ok(WeighingRecord record) => new(record, null);

    public static ValidationResult Reject(string error) => new(null, error);
}
