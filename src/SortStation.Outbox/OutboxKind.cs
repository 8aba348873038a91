namespace SortStation.Outbox;

/// <summary>Where the outbox keeps weighings until the broker acknowledges them.</summary>
public enum OutboxKind
{
    /// <summary>A local SQLite file: survives broker outages, restarts, kill -9 and power loss.</summary>
    Sqlite,

    /// <summary>Process memory only: for tests and benchmarks; a restart loses what was not yet acknowledged.</summary>
    Memory,
}
