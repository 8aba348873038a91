namespace SortStation.Outbox;

/// <summary>What the station does while the outbox cannot commit weighings (disk full, I/O error).</summary>
public enum OutboxWriteFailurePolicy
{
    /// <summary>Soft stop: no new item is sorted until a commit succeeds again, so no record can go missing.</summary>
    SoftStop,

    /// <summary>Keep sorting; weighings wait in memory (Outbox:MaxHeldInMemory) and any beyond are lost, counted and alarmed.</summary>
    Continue,
}
