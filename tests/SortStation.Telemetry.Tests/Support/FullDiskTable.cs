using Microsoft.Data.Sqlite;
using SortStation.Outbox;

namespace SortStation.Telemetry.Tests.Support;

/// <summary>
/// The real SQLite outbox table, except that while <see cref="Full"/> every insert fails exactly as SQLite does on
/// a full disk (error 13), so a test can fill and free the disk on cue.
/// </summary>
internal sealed class FullDiskTable(IOutboxTable inner) : IOutboxTable
{
    private int _checkpoints;

    public bool Full { get; set; }

    public int Checkpoints => Volatile.Read(ref _checkpoints);

    public (long Rows, long Bytes) Count() => inner.Count();

    public void InTransaction(Action work) => inner.InTransaction(work);

    public void Insert(PendingWrite write)
    {
        if (Full)
        {
            throw new SqliteException("SQLite Error 13: 'database or disk is full'.", 13);
        }

        inner.Insert(write);
    }

    public long? DropOldest() => inner.DropOldest();

    public List<OutboxEntry> ReadOldest(int max) => inner.ReadOldest(max);

    public (long Rows, long Bytes) Delete(IReadOnlyList<OutboxEntry> entries) => inner.Delete(entries);

    public void Checkpoint()
    {
        Interlocked.Increment(ref _checkpoints);
        inner.Checkpoint();
    }

    public void Dispose() => inner.Dispose();
}
