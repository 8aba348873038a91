using SortStation.Core.Devices;
using SortStation.Core.Classification;
using SortStation.Core.Pipeline;

namespace SortStation.Testing;

/// <summary>
/// One item at a time through <see cref="SortingPipeline"/>, for tests and benches: the station's loop pipelines
/// items itself (<see cref="SortingPipeline.StartAsync"/> then <see cref="SortingPipeline.Finish"/>), so these
/// sequential entry points live here, not in src.
/// </summary>
public static class SortingPipelineExtensions
{
    /// <summary>Sorts one item and waits until its record is committed to the outbox.</summary>
    public static async ValueTask<SortOutcome> ProcessAsync(this SortingPipeline pipeline, ItemDetected item, CancellationToken ct = default) =>
        await await pipeline.SortAsync(item, ct);

    /// <summary>
    /// Sorts one item up to handing its record to the outbox, classifying it on the caller's thread; the returned
    /// task completes when the outbox has committed the record.
    /// </summary>
    public static async ValueTask<Task<SortOutcome>> SortAsync(this SortingPipeline pipeline, ItemDetected item, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        var started = await pipeline.StartAsync(item, ClassificationWorkers.Inline, ct);
        return pipeline.Finish(started, started.Classification is { } running ? await running : null, ct);
    }
}
