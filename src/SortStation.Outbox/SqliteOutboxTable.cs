using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace SortStation.Outbox;

/// <summary>
/// The SQL side of <see cref="SqliteOutboxStore"/>: one table ordered by an autoincrement sequence.
/// Not thread-safe; the store serialises every call.
/// </summary>
internal sealed class SqliteOutboxTable : IOutboxTable
{
    private readonly SqliteConnection _db;
    private readonly SqliteCommand _insert;
    private readonly SqliteCommand _readOldest;
    private readonly SqliteCommand _delete;
    private readonly SqliteCommand _dropOldest;

    public SqliteOutboxTable(string path)
    {
        var directory = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // No pooling: Dispose really closes the file, so a restarted store (or a test) can reopen it.
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();

        // WAL: readers never block the writer and a crash mid-write cannot corrupt the file.
        // synchronous=FULL: every commit is fsynced before EnqueueAsync returns, so a weighing the
        // pipeline counts as done survives power loss too. With NORMAL, WAL may lose the last commits
        // on power loss (never corrupts); the fsync cost is amortised by group commits instead.
        Execute("PRAGMA journal_mode=WAL;");
        Execute("PRAGMA synchronous=FULL;");
        Execute("CREATE TABLE IF NOT EXISTS outbox (seq INTEGER PRIMARY KEY AUTOINCREMENT, item_id TEXT NOT NULL, payload BLOB NOT NULL);");

        _insert = Command("INSERT INTO outbox (item_id, payload) VALUES ($item, $payload);", "$item", "$payload");
        _readOldest = Command("SELECT seq, item_id, payload FROM outbox ORDER BY seq LIMIT $max;", "$max");
        // One statement per acknowledgement batch; RETURNING keeps the byte count exact even when a
        // row was already dropped by the quota.
        _delete = Command("DELETE FROM outbox WHERE seq IN (SELECT value FROM json_each($ids)) RETURNING length(payload);", "$ids");
        _dropOldest = Command("DELETE FROM outbox WHERE seq = (SELECT MIN(seq) FROM outbox) RETURNING length(payload);");
    }

    public (long Rows, long Bytes) Count()
    {
        using var count = _db.CreateCommand();
        count.CommandText = "SELECT COUNT(*), COALESCE(SUM(length(payload)), 0) FROM outbox;";
        using var reader = count.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Runs <paramref name="work"/> in one transaction: one fsync for a whole group of writes.</summary>
    public void InTransaction(Action work)
    {
        using var tx = _db.BeginTransaction();
        SetTransaction(tx);
        try
        {
            work();
            tx.Commit();
        }
        finally
        {
            SetTransaction(null);
        }
    }

    public void Insert(PendingWrite write)
    {
        _insert.Parameters[0].Value = write.ItemId;
        _insert.Parameters[1].Value = write.Payload;
        _insert.ExecuteNonQuery();
    }

    /// <summary>Deletes the oldest row; its payload size, or null when the table is empty.</summary>
    public long? DropOldest()
    {
        using var reader = _dropOldest.ExecuteReader();
        return reader.Read() ? reader.GetInt64(0) : null;
    }

    public List<OutboxEntry> ReadOldest(int max)
    {
        _readOldest.Parameters[0].Value = max;
        var entries = new List<OutboxEntry>(max);
        using var reader = _readOldest.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new OutboxEntry(reader.GetInt64(0), reader.GetString(1), (byte[])reader.GetValue(2)));
        }

        return entries;
    }

    /// <summary>Deletes the given sequences (in one statement); returns the rows and bytes actually removed.</summary>
    public (long Rows, long Bytes) Delete(IReadOnlyList<OutboxEntry> entries)
    {
        var ids = new StringBuilder(entries.Count * 8).Append('[');
        for (var i = 0; i < entries.Count; i++)
        {
            ids.Append(i == 0 ? string.Empty : ",").Append(entries[i].Sequence.ToString(CultureInfo.InvariantCulture));
        }

        _delete.Parameters[0].Value = ids.Append(']').ToString();
        long rows = 0, bytes = 0;
        using var reader = _delete.ExecuteReader();
        while (reader.Read())
        {
            rows++;
            bytes += reader.GetInt64(0);
        }

        return (rows, bytes);
    }

    public void Checkpoint() => Execute("PRAGMA wal_checkpoint(TRUNCATE);");

    public void Dispose()
    {
        _insert.Dispose();
        _readOldest.Dispose();
        _delete.Dispose();
        _dropOldest.Dispose();
        _db.Dispose();
    }

    private void SetTransaction(SqliteTransaction? tx)
    {
        _insert.Transaction = tx;
        _delete.Transaction = tx;
        _dropOldest.Transaction = tx;
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, params string[] parameters)
    {
        var command = _db.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
