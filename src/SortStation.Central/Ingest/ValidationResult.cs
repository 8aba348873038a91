using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>Either the accepted (normalised) record, or the <see cref="RejectReason"/> code and a message saying why not.</summary>
public readonly record struct ValidationResult(WeighingRecord? Record, string? Reason, string? Error)
{
    public bool IsValid => Record is not null;

    public static ValidationResult Ok(WeighingRecord record) => new(record, null, null);

    public static ValidationResult Reject(string reason, string error) => new(null, reason, error);
}
