using System.Text.Json;
using System.Text.RegularExpressions;
using SortStation.Central.Options;
using SortStation.Central.Stations;
using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>
/// Decides whether a message on <c>{prefix}/{station}/weighing</c> is a weighing central stores. Every rule
/// rejects with a <see cref="RejectReason"/> code; a rejected message is counted, logged and acknowledged (a
/// re-delivery would be just as bad), never retried and never fatal. Text fields are trimmed. The topic is
/// the sender (the broker's ACL lets a station publish only under its own user name), so the payload must
/// name the same station, and with <see cref="CentralOptions.RequireRegisteredStations"/> it must be registered.
/// </summary>
public sealed partial class WeighingValidator(TimeProvider time, CentralOptions options, string topicPrefix, IStationDirectory stations)
{
    public ValidationResult Validate(string topic, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > IngestLimits.MaxPayloadBytes)
        {
            return ValidationResult.Reject(RejectReason.PayloadTooLarge, $"payload of {payload.Length} bytes exceeds {IngestLimits.MaxPayloadBytes}");
        }

        WeighingRecord? record;
        try
        {
            record = ContractJson.DeserializeWeighing(payload);
        }
        catch (JsonException e)
        {
            return ValidationResult.Reject(RejectReason.NotJson, $"not a weighing JSON: {e.Message}");
        }

        return record is null ? ValidationResult.Reject(RejectReason.NotJson, "payload is JSON null") : Validate(topic, record);
    }

    public ValidationResult Validate(string topic, WeighingRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var failure = CheckIdentity(topic, record) ?? CheckTimestamp(record);
        if (failure is { } f)
        {
            return ValidationResult.Reject(f.Reason, f.Error);
        }

        var (normalised, fieldFailure) = WeighingFieldRules.Check(record);
        return fieldFailure is { } ff ? ValidationResult.Reject(ff.Reason, ff.Error) : ValidationResult.Ok(normalised!);
    }

    /// <summary>The station level of a weighing topic under this prefix, or null.</summary>
    public string? StationOf(string topic)
    {
        var head = topicPrefix + "/";
        const string Tail = "/weighing";
        return topic.Length > head.Length + Tail.Length && topic.StartsWith(head, StringComparison.Ordinal) && topic.EndsWith(Tail, StringComparison.Ordinal)
            ? topic[head.Length..^Tail.Length]
            : null;
    }

    private (string Reason, string Error)? CheckIdentity(string topic, WeighingRecord r)
    {
        if (r.Schema != WeighingSchema.Current)
        {
            return (RejectReason.UnknownSchema, $"unknown schema \"{Clip(r.Schema)}\" (expected {WeighingSchema.Current})");
        }

        if (r.ItemId is null || !UlidPattern().IsMatch(r.ItemId))
        {
            return (RejectReason.ItemId, $"itemId \"{Clip(r.ItemId)}\" is not a 26-character ULID");
        }

        if (!StationId.IsValid(r.StationId))
        {
            return (RejectReason.StationId, $"stationId \"{Clip(r.StationId)}\" must be 1–{IngestLimits.MaxStationIdLength} letters, digits, '-' or '_'");
        }

        // The topic names the sender; a record claiming another station is rejected.
        if (StationOf(topic) != r.StationId)
        {
            return (RejectReason.TopicMismatch, $"stationId \"{r.StationId}\" does not match topic \"{Clip(topic)}\"");
        }

        return options.RequireRegisteredStations ? CheckRegistered(r.StationId) : null;
    }

    private (string Reason, string Error)? CheckRegistered(string stationId) => stations.Find(stationId) switch
    {
        null => (RejectReason.UnregisteredStation, $"station \"{stationId}\" is not registered (sortstation-central stations add {stationId})"),
        { IsRevoked: true } s => (RejectReason.RevokedStation, $"station \"{stationId}\" was revoked at {s.RevokedAt:O}"),
        _ => null,
    };

    private (string Reason, string Error)? CheckTimestamp(WeighingRecord r)
    {
        var now = time.GetUtcNow();
        if (r.Timestamp > now + TimeSpan.FromSeconds(options.MaxClockAheadSeconds))
        {
            return (RejectReason.TimestampFuture, $"timestamp {r.Timestamp:O} is more than {options.MaxClockAheadSeconds} s ahead of central's clock ({now:O})");
        }

        if (r.Timestamp < now - TimeSpan.FromDays(options.MaxRecordAgeDays))
        {
            return (RejectReason.TimestampTooOld, $"timestamp {r.Timestamp:O} is older than Central:MaxRecordAgeDays ({options.MaxRecordAgeDays})");
        }

        return stations.Find(r.StationId) is { } registered && r.Timestamp < registered.AcceptFrom
            ? (RejectReason.TimestampBeforeRegistration, $"timestamp {r.Timestamp:O} is before the station was registered ({registered.AcceptFrom:O})")
            : null;
    }

    private static string? Clip(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text;

    [GeneratedRegex("^[0-7][0-9A-HJKMNP-TV-Z]{25}$")]
    private static partial Regex UlidPattern();
}
