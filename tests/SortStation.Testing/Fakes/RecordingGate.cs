using SortStation.Core.Devices;

namespace SortStation.Testing;

/// <summary>A gate that records when it fired and holds for its pulse on the test's clock.</summary>
public sealed class RecordingGate(string bin, TimeProvider time, TimeSpan pulse = default) : IGate
{
    public string Bin { get; } = bin;

    public DeviceState State { get; private set; } = DeviceState.Starting;

    public List<DateTimeOffset> Fired { get; } = [];

    public int SafeStateCalls { get; private set; }

    public bool ThrowOnFire { get; set; }

    public async ValueTask FireAsync(CancellationToken ct = default)
    {
        if (ThrowOnFire)
        {
            throw new InvalidOperationException("driver failure");
        }

        lock (Fired)
        {
            Fired.Add(time.GetUtcNow());
        }

        State = DeviceState.Online;
        if (pulse > TimeSpan.Zero)
        {
            await Task.Delay(pulse, time, ct);
        }

        State = DeviceState.SafeState;
    }

    public void EnterSafeState()
    {
        SafeStateCalls++;
        State = DeviceState.SafeState;
    }
}
