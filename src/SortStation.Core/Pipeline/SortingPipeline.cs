using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Identity;
using SortStation.Core.Options;
using SortStation.Core.Pricing;
using SortStation.Core.Routing;
using SortStation.Core.Timing;
using SortStation.Core.Units;

namespace SortStation.Core.Pipeline;

/// <summary>
/// One item, camera to outbox, in two halves: <see cref="StartAsync"/> (frame → classification started → weigh)
/// and <see cref="Finish"/> (route → schedule its gate → record), so the loop can start the next items while
/// one classifies. The record is committed to the outbox before the item counts as done.
/// </summary>
public sealed partial class SortingPipeline(
    PipelineDevices devices,
    Router router,
    BeltTiming belt,
    GateScheduler gates,
    PriceTable prices,
    ItemIdGenerator ids,
    IOutbox outbox,
    IOptionsMonitor<SortingOptions> sorting,
    IOptions<StationOptions> station,
    SortingStatistics statistics,
    TimeProvider time,
    ILogger<SortingPipeline> log)
{
    private const string NoLabel = "none";

    /// <summary>
    /// First half, in the order items come: item id, frame, weight. The classification runs on
    /// <paramref name="workers"/>; the camera may reuse the frame once this returns.
    /// </summary>
    public async ValueTask<ItemInFlight> StartAsync(ItemDetected item, ClassificationWorkers workers, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(item);
        ArgumentNullException.ThrowIfNull(workers);
        var started = time.GetTimestamp();
        var itemId = ids.Next();
        var classification = await StartClassificationAsync(itemId, workers, ct);
        var weight = await WeighAsync(itemId, ct);
        return new ItemInFlight(item, itemId, started, weight, classification);
    }

    /// <summary>
    /// Second half, once <paramref name="classification"/> is known (null: no frame): route, schedule the gate,
    /// hand the record to the outbox. The task completes when the record is committed.
    /// </summary>
    public Task<SortOutcome> Finish(ItemInFlight started, ClassificationResult? classification, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        var (item, itemId, weight) = (started.Item, started.ItemId, started.Weight);
        var decision = classification is null ? router.NoImage() : router.Route(classification.Best);

        // Booked before the record is written, so the record says where the item really goes: a gate that cannot
        // start before the item passes it is not fired, and the item rides on to the end-of-belt bin.
        var o = sorting.CurrentValue;
        if (gates.Schedule(decision.Bin, belt.FireTime(item.At, o.Bins[decision.Bin].DistanceMeters), itemId) == ScheduleResult.Missed)
        {
            decision = new RoutingDecision(o.EndOfBeltBin, RouteReason.MissedGate);
        }

        var label = classification?.Best.Label ?? NoLabel;
        // A rejected item has not been sorted as its label, so it carries no price until someone re-sorts it.
        var price = decision.IsReject ? prices.Unpriced : prices.Price(label, weight);
        var record = new WeighingRecord
        {
            ItemId = itemId,
            StationId = station.Value.Id,
            Timestamp = item.At.ToUniversalTime(),
            Label = label,
            Confidence = classification?.Best.Confidence ?? 0,
            Top = classification?.Top ?? [],
            WeightKg = weight is { } w ? Math.Round(w.Kilograms, 4) : null, // 0.1 g: finer than any load cell here
            UnitPrice = price.UnitPrice,
            Value = price.Value,
            Currency = price.Currency,
            Bin = decision.Bin,
            Reason = decision.Reason.ToWire(),
            Model = (classification?.Model ?? devices.Classifier.Model).Id, // the model that ran, even if swapped since
        };
        return CommitAsync(outbox.EnqueueAsync(record, ct), record, decision, started.StartedTimestamp, classification?.InferenceTime);
    }

    private async Task<SortOutcome> CommitAsync(ValueTask enqueued, WeighingRecord record, RoutingDecision decision, long started, TimeSpan? inference)
    {
        await enqueued;
        var outcome = new SortOutcome(record, decision, time.GetElapsedTime(started), inference);
        statistics.Record(outcome);
        LogSorted(log, record.ItemId, record.Label, record.Confidence, record.WeightKg, record.Bin, record.Reason);
        return outcome;
    }

    private async ValueTask<Task<ClassificationResult>?> StartClassificationAsync(string itemId, ClassificationWorkers workers, CancellationToken ct)
    {
        Frame frame;
        try
        {
            frame = await devices.Camera.CaptureAsync(ct);
        }
        catch (DeviceFaultException ex)
        {
            log.LogWarning("Item {ItemId}: no frame ({Reason}); sending it to the reject bin", itemId, ex.Message);
            return null;
        }

        return workers.RunAsync(devices.Classifier.Prepare(frame));
    }

    private async ValueTask<Mass?> WeighAsync(string itemId, CancellationToken ct)
    {
        try
        {
            return await devices.Scale.ReadAsync(ct);
        }
        catch (DeviceFaultException ex)
        {
            log.LogWarning("Item {ItemId}: no weight ({Reason}); recorded as missing", itemId, ex.Message);
            return null;
        }
    }

    // Source-generated: checks the level before formatting, so no per-item boxing when Debug is off.
    [LoggerMessage(LogLevel.Debug, "Item {ItemId}: {Label} {Confidence:P1} {WeightKg} kg → {Bin} ({Reason})")]
    private static partial void LogSorted(ILogger logger, string itemId, string label, double confidence, double? weightKg, string bin, string reason);
}
