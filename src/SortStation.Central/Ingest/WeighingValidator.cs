using System.Text.Json;
using System.Text.RegularExpressions;
using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>
/// Decides whether a message on <c>{prefix}/{station}/weighing</c> is a weighing central stores.
/// Every rule rejects with a reason; a rejected message is counted, logged and acknowledged (a
/// re-delivery would be just as bad), never retried and never fatal.
/// </summary>
public sealed partial class WeighingValidator(TimeProvider time)
{
    public ValidationResult Validate(string topic, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > IngestLimits.MaxPayloadBytes)
        {
            return ValidationResult.Reject($"payload of {payload.Length} bytes exceeds {IngestLimits.MaxPayloadBytes}");
        }

        WeighingRecord? record;
        try
        {
            record = ContractJson.DeserializeWeighing(payload);
        }
        catch (JsonException e)
        {
            return ValidationResult.Reject($"not a weighing JSON: {e.Message}");
        }

        return record is null ? ValidationResult.Reject("payload is JSON null") : Validate(topic, record);
    }

    public ValidationResult Validate(string topic, WeighingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var error = Check(record) ?? CheckTopic(topic, record);
        return error is null ? ValidationResult.Ok(record) : ValidationResult.Reject(error);
    }

    private string? Check(WeighingRecord r)
    {
        if (r.Schema != WeighingSchema.Current)
        {
            return $"unknown schema \"{Clip(r.Schema)}\" (expected {WeighingSchema.Current})";
        }

        if (r.ItemId is null || !UlidPattern().IsMatch(r.ItemId))
        {
            return $"itemId \"{Clip(r.ItemId)}\" is not a 26-character ULID";
        }

        if (r.StationId is null || !StationPattern().IsMatch(r.StationId))
        {
            return $"stationId \"{Clip(r.StationId)}\" must be 1–{IngestLimits.MaxStationIdLength} letters, digits, '-' or '_'";
        }

        if (string.IsNullOrWhiteSpace(r.Label) || r.Label.Length > IngestLimits.MaxLabelLength)
        {
            return $"label must be 1–{IngestLimits.MaxLabelLength} characters";
        }

        if (!(r.Confidence is >= 0 and <= 1))
        {
            return $"confidence {r.Confidence} is outside 0–1";
        }

        if (r.WeightKg is { } w && !(w is >= 0 and <= IngestLimits.MaxWeightKg))
        {
            return $"weightKg {w} is outside 0–{IngestLimits.MaxWeightKg}";
        }

        if (r.UnitPrice is < 0 or > IngestLimits.MaxMoney || r.Value is < 0 or > IngestLimits.MaxMoney)
        {
            return $"unitPrice and value must be 0–{IngestLimits.MaxMoney}";
        }

        if (r.Timestamp == default || r.Timestamp > time.GetUtcNow() + IngestLimits.MaxClockSkew)
        {
            return $"timestamp {r.Timestamp:O} is missing or in the future";
        }

        return CheckText(r);
    }

    private static string? CheckText(WeighingRecord r)
    {
        if (r.Top is null || r.Top.Count > IngestLimits.MaxTopEntries || r.Top.Any(t => t is null || t.Label is null || !(t.Confidence is >= 0 and <= 1)))
        {
            return $"top must list at most {IngestLimits.MaxTopEntries} labels with confidences 0–1";
        }

        if (string.IsNullOrEmpty(r.Bin) || r.Bin.Length > IngestLimits.MaxBinLength
            || string.IsNullOrEmpty(r.Reason) || r.Reason.Length > IngestLimits.MaxReasonLength
            || string.IsNullOrEmpty(r.Model) || r.Model.Length > IngestLimits.MaxModelLength
            || r.Currency?.Length > IngestLimits.MaxCurrencyLength)
        {
            return "bin, reason, model or currency is empty or too long";
        }

        // PostgreSQL text cannot hold NUL; such a record would fail its batch on every retry.
        string?[] texts = [r.Label, r.Bin, r.Reason, r.Model, r.Currency, .. r.Top.Select(t => t.Label)];
        if (texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)))
        {
            return "text fields must not contain NUL characters";
        }

        return null;
    }

    // The topic names the sender; a record claiming another station is rejected.
    private static string? CheckTopic(string topic, WeighingRecord r)
    {
        var parts = topic.Split('/');
        return parts.Length == 3 && parts[1] == r.StationId
            ? null
            : $"stationId \"{r.StationId}\" does not match topic \"{Clip(topic)}\"";
    }

    private static string? Clip(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text;

    [GeneratedRegex("^[0-7][0-9A-HJKMNP-TV-Z]{25}$")]
    private static partial Regex UlidPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex StationPattern();
}
