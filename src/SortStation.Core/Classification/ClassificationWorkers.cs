using System.Collections.Concurrent;

namespace SortStation.Core.Classification;

/// <summary>
/// Runs prepared classifications (<c>Model:Workers</c>). With one worker, the default, the caller's thread runs
/// the model: nothing changes hands. With several, each has a thread of its own and the sorting loop keeps that
/// many items classifying at once. Why: on two cores, two one-thread runs side by side classified 1.18× (fp32)
/// and 1.31× (int8) the images of one two-thread run at a time (bench <c>--only raw-concurrency</c>), because a
/// one-thread run never waits at an operator's end for a partner thread the OS has preempted.
/// </summary>
public sealed class ClassificationWorkers : IDisposable
{
    private readonly BlockingCollection<Job> _jobs = [];
    private readonly Thread[] _threads;

    public ClassificationWorkers(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        Count = count;
        _threads = new Thread[count == 1 ? 0 : count];
        for (var i = 0; i < _threads.Length; i++)
        {
            _threads[i] = new Thread(Work) { IsBackground = true, Name = $"classify-{i + 1}" };
            _threads[i].Start();
        }
    }

    /// <summary>One worker: runs on the caller's thread and owns no thread, so it is shared and never needs disposing.</summary>
    public static ClassificationWorkers Inline { get; } = new(1);

    /// <summary>How many items may be classifying at once.</summary>
    public int Count { get; }

    /// <summary>
    /// Runs <paramref name="prepared"/>: inline with one worker (a model failure then throws here), else on the
    /// next free worker thread (a failure faults the task). Continuations never run on a worker thread.
    /// </summary>
    public Task<ClassificationResult> RunAsync(IPreparedClassification prepared)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (_threads.Length == 0)
        {
            return Task.FromResult(prepared.Run());
        }

        var job = new Job(prepared);
        _jobs.Add(job);
        return job.Task;
    }

    /// <summary>Lets the workers finish what was handed to them (every prepared input is run, so every slot is freed), then stops them.</summary>
    public void Dispose()
    {
        _jobs.CompleteAdding();
        foreach (var thread in _threads)
        {
            thread.Join();
        }

        _jobs.Dispose();
    }

    private void Work()
    {
        foreach (var job in _jobs.GetConsumingEnumerable())
        {
            try
            {
                job.SetResult(job.Prepared.Run());
            }
#pragma warning disable CA1031 // A failed run belongs to its item: the loop logs it there, and the worker goes on.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                job.SetException(ex);
            }
        }
    }

    private sealed class Job(IPreparedClassification prepared) : TaskCompletionSource<ClassificationResult>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public IPreparedClassification Prepared { get; } = prepared;
    }
}
