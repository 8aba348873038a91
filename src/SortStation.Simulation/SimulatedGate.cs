using System.Collections.Concurrent;
using SortStation.Core.Devices;

namespace SortStation.Simulation;

/// <summary>A gate that only records when it fired and holds for its pulse like the real actuator.</summary>
public sealed class SimulatedGate(string bin, TimeSpan pulse, TimeProvider time) : IGate
{
    private readonly ConcurrentQueue<DateTimeOffset> _fired = new();

    public string Bin { get; } = bin;

    public DeviceState State { get; private set; } = DeviceState.SafeState;

    /// <summary>Every moment this gate was energised, in order.</summary>
    public IReadOnlyCollection<DateTimeOffset> FiredAt => _fired;

    public async ValueTask FireAsync(CancellationToken ct = default)
    {
        _fired.Enqueue(time.GetUtcNow());
        State = DeviceState.Online;
        try
        {
            await Task.Delay(pulse, time, ct);
        }
        finally
        {
            State = DeviceState.SafeState;
        }
    }

    public void EnterSafeState() => State = DeviceState.SafeState;
}
