using SortStation.Core.Devices;

namespace SortStation.Hardware.Bench;

/// <summary>A gate that holds for its pulse like a solenoid; the scheduler reports when it switched it.</summary>
internal sealed class RecordingGate(string bin, TimeSpan pulse) : IGate
{
    public string Bin { get; } = bin;

    public DeviceState State { get; private set; } = DeviceState.SafeState;

    public async ValueTask FireAsync(CancellationToken ct = default)
    {
        State = DeviceState.Online;
        try
        {
            await Task.Delay(pulse, ct);
        }
        finally
        {
            State = DeviceState.SafeState;
        }
    }

    public void EnterSafeState() => State = DeviceState.SafeState;
}
