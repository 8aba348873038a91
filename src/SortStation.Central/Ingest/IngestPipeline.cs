using SortStation.Central.Storage;
using SortStation.Contracts;

namespace SortStation.Central.Ingest;

/// <summary>
/// Validate, then store in one transaction. Split in two steps so that a database failure retries
/// only the commit (and logs each rejected message once). Counters are since process start; the
/// persistent ones are in the database.
/// </summary>
public sealed class IngestPipeline(IWeighingStore store, WeighingValidator validator, MalformedLog malformedLog)
{
    private long _stored;
    private long _duplicates;
    private long _malformed;

    public long Stored => Interlocked.Read(ref _stored);

    public long Duplicates => Interlocked.Read(ref _duplicates);

    public long Malformed => Interlocked.Read(ref _malformed);

    public PreparedBatch Prepare(IReadOnlyList<IncomingMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var records = new List<WeighingRecord>(messages.Count);
        var malformed = 0;
        foreach (var message in messages)
        {
            var result = validator.Validate(message.Topic, message.Payload.Span);
            if (result.Record is { } record)
            {
                records.Add(record);
            }
            else
            {
                malformed++;
                malformedLog.Report(message.Topic, result.Error!);
            }
        }

        return new PreparedBatch(records, malformed);
    }

    public async Task<StoreResult> CommitAsync(PreparedBatch batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var result = await store.StoreAsync(batch.Records, batch.Malformed, cancellationToken);
        Interlocked.Add(ref _stored, result.Inserted);
        Interlocked.Add(ref _duplicates, result.Duplicates);
        Interlocked.Add(ref _malformed, result.Malformed);
        return result;
    }

    public Task<StoreResult> ProcessAsync(IReadOnlyList<IncomingMessage> messages, CancellationToken cancellationToken) =>
        CommitAsync(Prepare(messages), cancellationToken);
}
