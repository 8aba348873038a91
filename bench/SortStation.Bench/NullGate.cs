using SortStation.Core.Devices;

namespace SortStation.Bench;

/// <summary>A gate that does nothing; the scheduler's timers and bookkeeping are still real.</summary>
internal sealed class NullGate(string bin) : IGate
{
    public string Bin { get; } = bin;

    public DeviceState State => DeviceState.SafeState;

    public ValueTask FireAsync(CancellationToken ct = default) => ValueTask.CompletedTask;

    public void EnterSafeState()
    {
    }
}
