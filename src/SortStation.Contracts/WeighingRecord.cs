namespace SortStation.Contracts;

/// <summary>
/// One sorted item as published on <c>{prefix}/{stationId}/weighing</c>. <see cref="ItemId"/> is the
/// idempotency key: a consumer that has seen it already drops the re-delivery.
/// </summary>
public sealed record WeighingRecord
{
    /// <summary>Contract version; consumers reject schemas they do not know.</summary>
    public string Schema { get; init; } = WeighingSchema.Current;

    /// <summary>Sortable unique id (ULID: 48-bit milliseconds + 80 random bits, Crockford base32).</summary>
    public required string ItemId { get; init; }

    public required string StationId { get; init; }

    /// <summary>When the item passed the camera, UTC.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>Top-1 label of the classifier (kept even when the item was rejected).</summary>
    public required string Label { get; init; }

    public required double Confidence { get; init; }

    public required IReadOnlyList<LabelScore> Top { get; init; }

    /// <summary>Net weight in kilograms; null when the scale gave no valid reading (never 0 for "missing").</summary>
    public double? WeightKg { get; init; }

    /// <summary>Price per kilogram of <see cref="Label"/> from the station's price table; null when unpriced or rejected.</summary>
    public decimal? UnitPrice { get; init; }

    /// <summary><see cref="WeightKg"/> × <see cref="UnitPrice"/>, rounded to the currency's minor unit.</summary>
    public decimal? Value { get; init; }

    public string? Currency { get; init; }

    public required string Bin { get; init; }

    /// <summary>
    /// Why the item went to its bin: <c>routed</c>, <c>low-confidence</c>, <c>unknown-label</c>, <c>camera-fault</c>, or
    /// <c>missed-gate</c> (its gate could not start before the item passed: it went to the end-of-belt bin).
    /// </summary>
    public required string Reason { get; init; }

    /// <summary>Model name and version, e.g. <c>mobilenetv2-trashnet@1.0.0</c>.</summary>
    public required string Model { get; init; }
}
