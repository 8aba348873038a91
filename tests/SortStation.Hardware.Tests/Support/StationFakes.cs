using System.Runtime.CompilerServices;
using System.Threading.Channels;
using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;
using SortStation.Core.Units;

namespace SortStation.Hardware.Tests.Support;

/// <summary>A trigger the test feeds by hand, or makes throw.</summary>
public sealed class ManualTrigger : IItemTrigger
{
    private readonly Channel<ItemDetected> _items = Channel.CreateUnbounded<ItemDetected>();

    public Exception? Throw { get; set; }

    public void Send(ItemDetected item) => _items.Writer.TryWrite(item);

    public void Finish() => _items.Writer.TryComplete();

    public async IAsyncEnumerable<ItemDetected> WatchAsync([EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var item in _items.Reader.ReadAllAsync(ct))
        {
            if (Throw is not null)
            {
                throw Throw;
            }

            yield return item;
        }
    }
}

/// <summary>A classifier that always sees glass.</summary>
public sealed class GlassClassifier : IClassifier
{
    public ModelInfo Model { get; } = new("fake", "1", ["glass"]);

    public ClassificationResult Classify(Frame frame) => new([new LabelScore("glass", 0.95)], TimeSpan.FromMilliseconds(1), Model);
}

/// <summary>A camera with one grey frame.</summary>
public sealed class StillCamera : ICamera
{
    public DeviceState State => DeviceState.Online;

    public ValueTask<Frame> CaptureAsync(CancellationToken ct = default) =>
        ValueTask.FromResult(new Frame(new byte[4 * 4 * 3], 4, 4, DateTimeOffset.UnixEpoch));
}

/// <summary>A scale that always reads 350 g.</summary>
public sealed class FixedScale : IScale
{
    public DeviceState State => DeviceState.Online;

    public ValueTask<Mass> ReadAsync(CancellationToken ct = default) => ValueTask.FromResult(Mass.FromGrams(350));
}

/// <summary>An outbox that keeps records in memory.</summary>
public sealed class ListOutbox : IOutbox
{
    private readonly List<WeighingRecord> _records = [];

    public long Pending
    {
        get
        {
            lock (_records)
            {
                return _records.Count;
            }
        }
    }

    public ValueTask EnqueueAsync(WeighingRecord record, CancellationToken ct = default)
    {
        lock (_records)
        {
            _records.Add(record);
        }

        return ValueTask.CompletedTask;
    }

    public Task WaitUntilDrainedAsync(CancellationToken ct = default) => Task.CompletedTask;
}
