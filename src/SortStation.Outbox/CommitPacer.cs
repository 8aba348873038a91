namespace SortStation.Outbox;

/// <summary>
/// Group commit under load (as PostgreSQL's commit_delay): when the previous commit was less than
/// <c>interval</c> ago, the writer waits out the rest of the interval so the weighings arriving meanwhile
/// share one fsync. An isolated weighing (a real belt: one every few hundred ms) is committed at once.
/// At 250 items/s a per-item fsync cost 0.3 ms of CPU each on two cores that ONNX Runtime needs.
/// </summary>
internal sealed class CommitPacer(TimeSpan interval, TimeProvider time)
{
    private long _lastCommit;
    private bool _committed;

    /// <summary>How long to gather writes before the next commit; zero commits now.</summary>
    public TimeSpan Wait()
    {
        if (!_committed || interval <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        var rest = interval - time.GetElapsedTime(_lastCommit);
        return rest > TimeSpan.Zero ? rest : TimeSpan.Zero;
    }

    public void Committed()
    {
        _lastCommit = time.GetTimestamp();
        _committed = true;
    }
}
