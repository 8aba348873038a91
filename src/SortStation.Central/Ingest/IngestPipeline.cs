using System.Collections.Concurrent;
using SortStation.Central.Live;
using SortStation.Central.Stations;
using SortStation.Central.Storage;
using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>
/// Validate, then store in one transaction. Split in two steps so that a database failure retries
/// only the commit (and logs each rejected message once). Counters are since process start; the
/// persistent ones are in the database.
/// </summary>
public sealed class IngestPipeline(IWeighingStore store, WeighingValidator validator, StationRegistry stations, MalformedLog malformedLog, FleetEvents? events = null, TimeProvider? time = null)
{
    private readonly ConcurrentDictionary<string, long> _rejected = new(StringComparer.Ordinal);
    private long _stored;
    private long _duplicates;
    private long _malformed;

    public long Stored => Interlocked.Read(ref _stored);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Malformed => Interlocked.Read(ref _malformed);

    /// <summary>Rejected messages since start by <see cref="RejectReason"/> code.</summary>
    public IReadOnlyDictionary<string, long> RejectedByReason => new SortedDictionary<string, long>(_rejected, StringComparer.Ordinal);

    /// <summary>Brings the station registry up to date for the batch's senders (may throw: the caller retries), then validates.</summary>
    public async Task<PreparedBatch> PrepareAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        await stations.EnsureFreshAsync(messages.Select(m => validator.StationOf(m.Topic)).OfType<string>().Distinct(StringComparer.Ordinal), cancellationToken);
        var records = new List<WeighingRecord>(messages.Count);
        var rejections = new RejectionCounts();
        foreach (var message in messages)
        {
            var result = validator.Validate(message.Topic, message.Payload.Span);
            if (result.Record is { } record)
            {
                records.Add(record);
            }
            else
            {
                rejections.Add(result.Reason!);
                malformedLog.Report(message.Topic, result.Reason!, result.Error!);
            }
        }

        return new PreparedBatch(records, rejections);
    }

    public async Task<StoreResult> CommitAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var result = await store.StoreAsync(batch.Records, batch.Rejections, cancellationToken);
        Interlocked.Add(ref _stored, result.Inserted);
        Interlocked.Add(ref _duplicates, result.Duplicates);
        Interlocked.Add(ref _malformed, result.Malformed);
        foreach (var (reason, count) in batch.Rejections.ByReason)
        {
            _rejected.AddOrUpdate(reason, count, (_, n) => n + count);
        }

        if (result.Inserted > 0 && events is not null)
        {
            var senders = batch.Records.Select(r => r.StationId).Distinct(StringComparer.Ordinal).ToList();
            events.Publish(new FleetEvent(FleetEvent.Kinds.Weighings, senders, result.Inserted, (time ?? TimeProvider.System).GetUtcNow()));
        }

        return result;
    }

    public async Task<StoreResult> ProcessAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken) =>
        await CommitAsync(await PrepareAsync(messages, cancellationToken), cancellationToken);
}
