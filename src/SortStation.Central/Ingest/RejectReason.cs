namespace SortStation.Central.Ingest;

/// <summary>
/// Why a message was rejected: the stable codes counted in the database (<c>stats</c>) and in
/// <c>/metrics</c> (<c>sortstation_central_rejected_total{reason=…}</c>). Never rename one; add new ones.
/// </summary>
public static class RejectReason
{
    public const string PayloadTooLarge = "payload-too-large";
    public const string NotJson = "not-json";
    public const string UnknownSchema = "unknown-schema";
    public const string ItemId = "item-id";
    public const string StationId = "station-id";
    public const string TopicMismatch = "topic-mismatch";
    public const string UnregisteredStation = "unregistered-station";
    public const string RevokedStation = "revoked-station";
    public const string TimestampFuture = "timestamp-future";
    public const string TimestampTooOld = "timestamp-too-old";
    public const string TimestampBeforeRegistration = "timestamp-before-registration";
    public const string ControlCharacters = "control-characters";
    public const string Label = "label";
    public const string Top = "top";
    public const string Bin = "bin";
    public const string Reason = "reason";
    public const string Model = "model";
    public const string Currency = "currency";
    public const string Confidence = "confidence";
    public const string Weight = "weight";
    public const string Price = "price";
    public const string ValueMismatch = "value-mismatch";
}
