using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Units;

namespace SortStation.Core.Pipeline;

/// <summary>
/// An item between <see cref="SortingPipeline.StartAsync"/> and <see cref="SortingPipeline.Finish"/>: frame taken,
/// weighed, its classification running. <paramref name="Classification"/> is null when there was no frame (the
/// item goes to the reject bin) and <paramref name="Weight"/> when the scale gave no reading.
/// </summary>
public sealed record ItemInFlight(ItemDetected Item, string ItemId, long StartedTimestamp, Mass? Weight, Task<ClassificationResult>? Classification)
{
    /// <summary>Completes when the classification has (or there is none to wait for).</summary>
    public Task Classified => (Task?)Classification ?? Task.CompletedTask;
}
