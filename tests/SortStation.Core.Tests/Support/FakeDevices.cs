using SortStation.Contracts;
using SortStation.Core.Classification;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;
using SortStation.Core.Units;

namespace SortStation.Core.Tests.Support;

/// <summary>A camera that returns a 4×4 grey frame, or faults when told to.</summary>
public sealed class FakeCamera : ICamera
{
    public bool Faulted { get; set; }

    public DeviceState State => Faulted ? DeviceState.Faulted : DeviceState.Online;

    public ValueTask<Frame> CaptureAsync(CancellationToken ct = default) => Faulted
        ? throw new DeviceFaultException("camera unplugged")
        : ValueTask.FromResult(new Frame(new byte[4 * 4 * 3], 4, 4, DateTimeOffset.UnixEpoch));
}

/// <summary>A classifier that answers what the test says.</summary>
public sealed class FakeClassifier : IClassifier
{
    public ModelInfo Model { get; } = new("fake", "1.2.3", ["cardboard", "glass", "paper"]);

    public IReadOnlyList<LabelScore> Next { get; set; } = [new("glass", 0.9), new("paper", 0.07), new("cardboard", 0.03)];

    public ClassificationResult Classify(Frame frame) => new(Next, TimeSpan.FromMilliseconds(12), Model);
}

/// <summary>A scale that reads what the test says, or faults.</summary>
public sealed class FakeScale : IScale
{
    public Mass? Reading { get; set; } = Mass.FromGrams(350);

    public DeviceState State => DeviceState.Online;

    public ValueTask<Mass> ReadAsync(CancellationToken ct = default) => Reading is { } m
        ? ValueTask.FromResult(m)
        : throw new DeviceFaultException("HX711 read timeout");
}

/// <summary>An outbox that keeps what it was given.</summary>
public sealed class RecordingOutbox : IOutbox
{
    public List<WeighingRecord> Records { get; } = [];

    public long Pending => Records.Count;

    /// <summary>While set, commits wait for it, like an fsync on a slow SD card.</summary>
    public TaskCompletionSource? Disk { get; set; }

    public async ValueTask EnqueueAsync(WeighingRecord record, CancellationToken ct = default)
    {
        if (Disk is { } disk)
        {
            await disk.Task.WaitAsync(ct);
        }

        Records.Add(record);
    }

    public Task WaitUntilDrainedAsync(CancellationToken ct = default) => Task.CompletedTask;
}
