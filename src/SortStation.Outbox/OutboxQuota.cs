using Microsoft.Extensions.Logging;

namespace SortStation.Outbox;

/// <summary>
/// The outbox's bound (Outbox:MaxRows, Outbox:MaxBytes) and what happens when it is reached: counted
/// always, logged as an error once per episode (the health counter carries the running total).
/// </summary>
internal sealed class OutboxQuota(OutboxOptions options, ILogger log)
{
    private long _lost;
    private bool _episodeLogged;

    public long Lost => Interlocked.Read(ref _lost);

    public bool DropsOldest => options.WhenFull == OutboxFullPolicy.DropOldest;

    public bool Fits(long rows, long bytes, int size) =>
        rows + 1 <= options.MaxRows && (options.MaxBytes == 0 || bytes + size <= options.MaxBytes);

    public void Report(long lost, long rows, long bytes)
    {
        var total = Interlocked.Add(ref _lost, lost);
        if (!_episodeLogged)
        {
            log.LogError(
                "Outbox full ({Rows} weighings, {Bytes} bytes; Outbox:MaxRows = {MaxRows}, Outbox:MaxBytes = {MaxBytes}): policy {Policy} lost {Lost} weighings so far. The broker has been unreachable for too long; fix the connection or raise the quota",
                rows, bytes, options.MaxRows, options.MaxBytes, options.WhenFull, total);
            _episodeLogged = true;
        }
    }

    /// <summary>A new episode is logged once the backlog has shrunk well below the quota.</summary>
    public void Observe(long rows, long bytes)
    {
        if (_episodeLogged && rows < options.MaxRows * 9 / 10 && (options.MaxBytes == 0 || bytes < options.MaxBytes * 9 / 10))
        {
            _episodeLogged = false;
        }
    }
}
