using SortStation.Core.Devices;

namespace SortStation.Hardware.Gates;

/// <summary>A push solenoid (through a MOSFET or driver board with a flyback diode): energised for one pulse.</summary>
public sealed class SolenoidGate(string bin, DigitalOutput output, TimeSpan pulse, TimeProvider time) : IGate, IDisposable
{
    private readonly PulsedOutput _output = new(output, time);

    public string Bin { get; } = bin;

    public DeviceState State => _output.State;

    public ValueTask FireAsync(CancellationToken ct = default) => _output.FireAsync(pulse, ct);

    public void EnterSafeState() => _output.EnterSafeState();

    public void Dispose() => _output.Dispose();
}
