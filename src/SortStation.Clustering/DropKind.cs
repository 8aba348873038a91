namespace SortStation.Clustering;

/// <summary>Why a row did not reach the clustering.</summary>
public enum DropKind
{
    /// <summary>Structurally broken input (wrong field count, bad quoting) found by the reader.</summary>
    Malformed,

    /// <summary>A value could not be coerced to a finite, non-negative number.</summary>
    Invalid,

    /// <summary>Exact duplicate of an earlier row (only with de-duplication on).</summary>
    Duplicate,

    /// <summary>Outside the IQR fences (only with the IQR filter on).</summary>
    Outlier,
}
