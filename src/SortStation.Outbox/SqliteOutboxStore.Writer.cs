namespace SortStation.Outbox;

/// <summary>
/// The outbox's writer task: group commits paced by <see cref="CommitPacer"/>, and, while commits fail, the
/// weighings kept in memory (<see cref="OutboxWriteFailures"/>) retried every Outbox:RetrySeconds in order.
/// </summary>
public sealed partial class SqliteOutboxStore
{
    private async Task WriteLoopAsync()
    {
        var group = new List<PendingWrite>(MaxGroup);
        while (true)
        {
            if (_failures.Failing)
            {
                if (!await WaitForRetryAsync())
                {
                    break;
                }

                Retry();
                continue;
            }

            if (!await _writes.Reader.WaitToReadAsync())
            {
                break;
            }

            var wait = _pacer.Wait();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _time);
            }

            group.Clear();
            while (group.Count < MaxGroup && _writes.Reader.TryRead(out var write))
            {
                group.Add(write);
            }

            if (TryCommit(group, retry: false))
            {
                group.ForEach(w => w.Done.TrySetResult());
            }
        }

        // Stopping: one last try for what is kept in memory; whatever still fails is lost, counted and named.
        if (_failures.HeldCount > 0)
        {
            TryCommit(_failures.Held, retry: true);
        }

        _failures.Abandon();
        lock (_gate)
        {
            UpdateSignals();
        }
    }

    /// <summary>
    /// Commits <paramref name="writes"/>. On failure new writes are kept (or counted lost) and the alarm raised;
    /// a failed <paramref name="retry"/> of the kept ones only schedules the next.
    /// </summary>
    private bool TryCommit(List<PendingWrite> writes, bool retry)
    {
        try
        {
            lock (_gate)
            {
                Commit(writes);
            }

            _pacer.Committed();
            _failures.Committed();
            if (retry)
            {
                lock (_gate)
                {
                    UpdateSignals(); // the kept weighings are rows now
                }
            }

            return true;
        }
#pragma warning disable CA1031 // Any commit failure (disk full, I/O error, read-only) is the same to the station: keep, alarm, retry.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            if (retry)
            {
                _failures.RetryFailed();
            }
            else
            {
                _failures.Failed(writes, ex);
            }

            lock (_gate)
            {
                (_rows, _bytes) = _table.Count();
                UpdateSignals();
            }

            if (!retry)
            {
                writes.ForEach(w => w.Done.TrySetResult()); // after the signals: a waiter must see them kept, not drained
            }

            return false;
        }
    }

    /// <summary>
    /// While commits fail: keeps what arrives behind the weighings already kept until the retry is due.
    /// False when the store is being disposed.
    /// </summary>
    private async Task<bool> WaitForRetryAsync()
    {
        while (true)
        {
            HoldArrivals();
            var due = _failures.RetryAt - _time.GetUtcNow();
            if (due <= TimeSpan.Zero)
            {
                return true;
            }

            using var cancel = new CancellationTokenSource();
            var arrival = _writes.Reader.WaitToReadAsync(cancel.Token).AsTask();
            var first = await Task.WhenAny(arrival, Task.Delay(due, _time, cancel.Token));
            await cancel.CancelAsync();
            if (first == arrival && !await arrival)
            {
                return false;
            }
        }
    }

    /// <summary>The retry: the write-ahead log is checkpointed (its space given back), then the kept weighings committed in order.</summary>
    private void Retry()
    {
        HoldArrivals();
        if (_failures.HeldCount == 0)
        {
            _failures.Probe();
            return;
        }

        try
        {
            lock (_gate)
            {
                _table.Checkpoint();
            }
        }
#pragma warning disable CA1031 // Only an attempt to give space back; the commit below decides.
        catch (Exception)
#pragma warning restore CA1031
        {
        }

        TryCommit(_failures.Held, retry: true);
    }

    private void HoldArrivals()
    {
        var arrived = new List<PendingWrite>();
        while (_writes.Reader.TryRead(out var write))
        {
            _failures.Hold(write);
            arrived.Add(write);
        }

        if (arrived.Count > 0)
        {
            lock (_gate)
            {
                UpdateSignals();
            }

            arrived.ForEach(w => w.Done.TrySetResult());
        }
    }

    /// <summary>Inserts a group in one transaction, applying the quota to each weighing. Caller holds the gate.</summary>
    private void Commit(List<PendingWrite> group)
    {
        long rows = _rows, bytes = _bytes, lost = 0;
        _table.InTransaction(() =>
        {
            foreach (var write in group)
            {
                while (!_quota.Fits(rows, bytes, write.Payload.Length) && _quota.DropsOldest && rows > 0)
                {
                    bytes -= _table.DropOldest() ?? 0;
                    rows--;
                    lost++;
                }

                if (!_quota.Fits(rows, bytes, write.Payload.Length))
                {
                    lost++; // RejectNewest, or a single weighing larger than the byte quota
                    continue;
                }

                _table.Insert(write);
                rows++;
                bytes += write.Payload.Length;
            }
        });

        Interlocked.Exchange(ref _rows, rows);
        _bytes = bytes;
        if (lost > 0)
        {
            _quota.Report(lost, rows, bytes);
        }

        UpdateSignals();
    }
}
