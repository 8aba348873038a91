using SortStation.Core.Devices;

namespace SortStation.Hardware.Gates;

/// <summary>A push solenoid (through a MOSFET or driver board with a flyback diode): energised for one pulse.</summary>
public sealed class SolenoidGate(string bin, DigitalOutput output, TimeSpan pulse, TimeProvider time) : IGate, IDisposable
{
    public string Bin { get; } = bin;

    public DeviceState State { get; private set; } = DeviceState.SafeState;

    public async ValueTask FireAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        output.Energise();
        State = DeviceState.Online;
        try
        {
            await Task.Delay(pulse, time, ct);
        }
        finally
        {
            EnterSafeState();
        }
    }

    public void EnterSafeState()
    {
        output.Release();
        State = DeviceState.SafeState;
    }

    public void Dispose() => output.Dispose();
}
