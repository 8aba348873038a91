using SortStation.Core.Devices;

namespace SortStation.Hardware.Gates;

/// <summary>
/// A relay driving a diverter motor or pneumatic valve: held for the configured duration, then released
/// and given the relay's release time before the next diversion, so two items never merge into one hold.
/// </summary>
public sealed class RelayGate(string bin, DigitalOutput output, TimeSpan hold, TimeProvider time) : IGate, IDisposable
{
    // Typical small signal relay (e.g. SRD-05VDC-SL-C datasheet): release time ≤ 5 ms; doubled for margin.
    public static readonly TimeSpan ReleaseTime = TimeSpan.FromMilliseconds(10);

    private readonly PulsedOutput _output = new(output, time);

    public string Bin { get; } = bin;

    public DeviceState State => _output.State;

    public async ValueTask FireAsync(CancellationToken ct = default)
    {
        await _output.FireAsync(hold, ct);
        await Task.Delay(ReleaseTime, time, ct);
    }

    public void EnterSafeState() => _output.EnterSafeState();

    public void Dispose() => _output.Dispose();
}
