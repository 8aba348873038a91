using System.Globalization;
using Microsoft.Extensions.Logging;
using SortStation.Core.Alarms;

namespace SortStation.Outbox;

/// <summary>
/// What the outbox does when a commit fails (disk full, I/O error, read-only file system): it keeps the weighings
/// in memory, in order, up to Outbox:MaxHeldInMemory, retries them every Outbox:RetrySeconds, and raises the
/// outbox alarm — a soft stop unless Outbox:OnWriteFailure is Continue — with one line that names Outbox:Path
/// and the free space. A weighing it cannot keep, or still keeps when the station stops, is counted as lost.
/// Used by the outbox's writer task only; the counters may be read from anywhere.
/// </summary>
internal sealed class OutboxWriteFailures(OutboxOptions options, string path, StationAlarms alarms, TimeProvider time, ILogger log)
{
    private readonly List<PendingWrite> _held = [];
    private long _heldCount;
    private long _lost;
    private long _errors;
    private bool _alarmed;
    private bool _overflowLogged;

    /// <summary>True from a failed commit until the retry is due.</summary>
    public bool Failing { get; private set; }

    public DateTimeOffset RetryAt { get; private set; }

    /// <summary>Weighings kept in memory, oldest first, waiting for a commit to succeed.</summary>
    public List<PendingWrite> Held => _held;

    public long HeldCount => Interlocked.Read(ref _heldCount);

    /// <summary>Weighings lost because no commit succeeded for them (memory bound reached, or held at shutdown).</summary>
    public long Lost => Interlocked.Read(ref _lost);

    /// <summary>Commits that failed, retries included.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>A commit failed (first or retry): what it carried is kept, the alarm raised once, the retry scheduled.</summary>
    public void Failed(IEnumerable<PendingWrite> writes, Exception error)
    {
        Interlocked.Increment(ref _errors);
        foreach (var write in writes)
        {
            Hold(write);
        }

        Failing = true;
        RetryAt = time.GetUtcNow() + TimeSpan.FromSeconds(options.RetrySeconds);
        if (!_alarmed)
        {
            _alarmed = true;
            alarms.Raise(AlarmCodes.OutboxWriteFailed, Describe(error), stopsSorting: options.OnWriteFailure == OutboxWriteFailurePolicy.SoftStop);
        }
    }

    /// <summary>
    /// Keeps a weighing that arrived while commits fail behind the ones already kept, or counts it lost. The caller
    /// then completes it: accepted either way, the pipeline goes on and the alarm carries the fault.
    /// </summary>
    public void Hold(PendingWrite write)
    {
        if (_held.Count < options.MaxHeldInMemory)
        {
            _held.Add(write);
            Interlocked.Increment(ref _heldCount);
        }
        else
        {
            Interlocked.Increment(ref _lost);
            if (!_overflowLogged)
            {
                _overflowLogged = true;
                log.LogError("Outbox: {Held} weighings kept in memory (Outbox:MaxHeldInMemory); each further one is lost while the outbox cannot commit, counted in sortstation_outbox_write_failed_total", _held.Count);
            }
        }

    }

    /// <summary>A retry failed: the next one is scheduled; the alarm already says why.</summary>
    public void RetryFailed()
    {
        Interlocked.Increment(ref _errors);
        Failing = true;
        RetryAt = time.GetUtcNow() + TimeSpan.FromSeconds(options.RetrySeconds);
    }

    /// <summary>The retry is due with nothing kept: the next weighing's own commit is the probe.</summary>
    public void Probe() => Failing = false;

    /// <summary>A commit succeeded: what was kept is on disk now and the alarm, if raised, clears.</summary>
    public void Committed()
    {
        if (!_alarmed && _held.Count == 0)
        {
            return;
        }

        var committed = _held.Count;
        _held.Clear();
        Interlocked.Exchange(ref _heldCount, 0);
        Failing = false;
        _overflowLogged = false;
        if (_alarmed)
        {
            _alarmed = false;
            alarms.Clear(AlarmCodes.OutboxWriteFailed, $"the outbox commits again; {committed} weighings kept in memory are committed, {Lost} lost since start");
        }
    }

    /// <summary>The station stops with weighings still in memory: they are lost, counted, and named in one line.</summary>
    public void Abandon()
    {
        if (_held.Count == 0)
        {
            return;
        }

        Interlocked.Add(ref _lost, _held.Count);
        log.LogError(
            "Outbox: {Count} weighings kept in memory could not be committed before the station stopped and are lost (items {First} to {Last}); Outbox:Path = {Path}, {Free} free",
            _held.Count,
            _held[0].ItemId,
            _held[^1].ItemId,
            path,
            FreeSpace());
        _held.Clear();
        Interlocked.Exchange(ref _heldCount, 0);
    }

    private string Describe(Exception error)
    {
        var policy = options.OnWriteFailure == OutboxWriteFailurePolicy.SoftStop
            ? "Sorting stops (Outbox:OnWriteFailure = SoftStop) so that no record goes missing"
            : "Sorting goes on (Outbox:OnWriteFailure = Continue); beyond the weighings kept in memory each one is lost and counted";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"the outbox cannot commit weighings ({error.Message}). Outbox:Path = {path}, {FreeSpace()} free on its file system. {policy}; weighings are kept in memory (up to Outbox:MaxHeldInMemory = {options.MaxHeldInMemory}) and retried every {options.RetrySeconds} s (Outbox:RetrySeconds). Free disk space there (or repair the file system)");
    }

    private string FreeSpace()
    {
        try
        {
            var bytes = new DriveInfo(Path.GetDirectoryName(path) ?? path).AvailableFreeSpace;
            return bytes switch
            {
                < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
                < 1024L * 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):F1} MiB"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024 * 1024):F1} GiB"),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return "unknown space";
        }
    }
}
