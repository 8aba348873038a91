using SortStation.Contracts;
using SortStation.Core.Classification;

namespace SortStation.Core.Tests.Classification;

public sealed class ClassificationWorkersTests
{
    private static readonly ClassificationResult Glass = new([new LabelScore("glass", 0.9)], TimeSpan.FromMilliseconds(3), new ModelInfo("fake", "1", ["glass"]));

    [Fact]
    public void RunAsync_OneWorker_RunsOnCallersThread()
    {
        using var workers = new ClassificationWorkers(1);
        var thread = 0;

        var task = workers.RunAsync(new Prepared(() => thread = Environment.CurrentManagedThreadId));

        Assert.True(task.IsCompletedSuccessfully);
        Assert.Equal(Environment.CurrentManagedThreadId, thread);
    }

    [Theory]
    [InlineData(1, false, 1)]
    [InlineData(1, true, 1)] // one worker runs on the loop's own thread: nothing to queue for
    [InlineData(2, false, 2)]
    [InlineData(2, true, 3)]
    public void InFlight_QueueAhead_OneMoreThanWorkersWhenSeveral(int count, bool queueAhead, int inFlight)
    {
        using var workers = new ClassificationWorkers(count, queueAhead);

        Assert.Equal(inFlight, workers.InFlight);
        Assert.Equal(inFlight, ClassificationWorkers.InFlightFor(count, queueAhead));
    }

    [Fact]
    public async Task RunAsync_TwoWorkers_BothRunAtOnce()
    {
        using var workers = new ClassificationWorkers(2);
        using var both = new Barrier(2);

        // Each run waits for the other to be running too: only true when they run side by side.
        var runs = new[] { 1, 2 }.Select(_ => workers.RunAsync(new Prepared(() => Assert.True(both.SignalAndWait(TimeSpan.FromSeconds(10)))))).ToArray();

        var results = await Task.WhenAll(runs);
        Assert.All(results, r => Assert.Same(Glass, r));
    }

    [Fact]
    public async Task RunAsync_RunThrows_TaskFaultsAndWorkerGoesOn()
    {
        using var workers = new ClassificationWorkers(2);

        var failed = workers.RunAsync(new Prepared(() => throw new InvalidOperationException("bad tensor")));
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => failed);
        Assert.Equal("bad tensor", ex.Message);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => workers.RunAsync(new Prepared(() => { }))));
        Assert.Equal(4, results.Length);
    }

    [Fact]
    public async Task Dispose_JobsQueued_EveryJobRunsFirst()
    {
        var workers = new ClassificationWorkers(2);
        var gate = new ManualResetEventSlim();
        var runs = Enumerable.Range(0, 5).Select(_ => workers.RunAsync(new Prepared(() => gate.Wait(TimeSpan.FromSeconds(10))))).ToArray();

        var disposed = Task.Run(workers.Dispose);
        gate.Set();
        await disposed;

        // Every prepared input holds a classifier slot until it has run: none may be left behind.
        Assert.All(runs, r => Assert.True(r.IsCompletedSuccessfully));
        gate.Dispose();
    }

    private sealed class Prepared(Action run) : IPreparedClassification
    {
        public ClassificationResult Run()
        {
            run();
            return Glass;
        }
    }
}
