namespace SortStation.Outbox;

/// <summary>Section <c>Outbox</c>: the local store that holds weighings until the broker's PUBACK.</summary>
public sealed class OutboxOptions
{
    public const string Section = "Outbox";

    public OutboxKind Kind { get; set; } = OutboxKind.Sqlite;

    /// <summary>SQLite file; relative paths are taken from the working directory (/var/lib/sortstation under systemd).</summary>
    public string Path { get; set; } = "state/outbox.db";

    /// <summary>Most weighings kept while the broker is away (about 1 KB each on disk).</summary>
    public long MaxRows { get; set; } = 1_000_000;

    /// <summary>Most payload bytes kept; 0 means only <see cref="MaxRows"/> limits the outbox.</summary>
    public long MaxBytes { get; set; } = 512L * 1024 * 1024;

    public OutboxFullPolicy WhenFull { get; set; } = OutboxFullPolicy.RejectNewest;

    /// <summary>
    /// Under load, commits (fsyncs) are at least this far apart and the weighings arriving meanwhile share
    /// one; a weighing after a quiet spell is committed at once. 0 commits every write as it comes.
    /// </summary>
    public int GroupCommitMilliseconds { get; set; } = 10;

    /// <summary>A commit that fails (disk full, I/O error): soft-stop the station (default) or keep sorting.</summary>
    public OutboxWriteFailurePolicy OnWriteFailure { get; set; } = OutboxWriteFailurePolicy.SoftStop;

    /// <summary>While commits fail, the weighings kept are retried this often; the first success ends the alarm.</summary>
    public int RetrySeconds { get; set; } = 5;

    /// <summary>Most weighings kept in memory while commits fail; beyond it they are lost (counted). About 0.5 KB each.</summary>
    public int MaxHeldInMemory { get; set; } = 10_000;
}
