using SortStation.Core.Devices;

namespace SortStation.Hardware.Gates;

/// <summary>
/// A digital output energised for one pulse and then released, even when the pulse is cancelled: the part the
/// relay and solenoid gates share. <see cref="State"/> is the gate's: online while energised, safe otherwise.
/// </summary>
public sealed class PulsedOutput(DigitalOutput output, TimeProvider time) : IDisposable
{
    public DeviceState State { get; private set; } = DeviceState.SafeState;

    public async ValueTask FireAsync(TimeSpan duration, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        output.Energise();
        State = DeviceState.Online;
        try
        {
            await Task.Delay(duration, time, ct);
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
