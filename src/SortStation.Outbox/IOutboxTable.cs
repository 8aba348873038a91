namespace SortStation.Outbox;

/// <summary>The storage under <see cref="SqliteOutboxStore"/> (a seam so tests can make a real file fail as a full disk would).</summary>
internal interface IOutboxTable : IDisposable
{
    (long Rows, long Bytes) Count();

    void InTransaction(Action work);

    void Insert(PendingWrite write);

    long? DropOldest();

    List<OutboxEntry> ReadOldest(int max);

    (long Rows, long Bytes) Delete(IReadOnlyList<OutboxEntry> entries);

    /// <summary>Moves the write-ahead log into the database and truncates it, giving its disk space back.</summary>
    void Checkpoint();
}
