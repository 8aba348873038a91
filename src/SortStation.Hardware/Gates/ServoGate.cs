using System.Device.Pwm;
using SortStation.Core.Devices;

namespace SortStation.Hardware.Gates;

/// <summary>
/// A servo flap: swings to the active angle, holds while the item passes, swings back to rest. The servo
/// has its own 5–6 V supply; the Pi only gives the PWM signal (common ground). Safe state is the rest angle.
/// </summary>
public sealed class ServoGate : IGate, IDisposable
{
    private readonly PwmChannel _pwm;
    private readonly double _rest;
    private readonly double _active;
    private readonly TimeSpan _hold;
    private readonly TimeProvider _time;

    public ServoGate(string bin, PwmChannel pwm, double restDegrees, double activeDegrees, TimeSpan hold, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(pwm);
        Bin = bin;
        _pwm = pwm;
        (_rest, _active, _hold, _time) = (restDegrees, activeDegrees, hold, time);
        _pwm.Frequency = ServoAngle.FrequencyHertz;
        _pwm.DutyCycle = ServoAngle.DutyCycle(_rest);
        _pwm.Start();
    }

    public string Bin { get; }

    public DeviceState State { get; private set; } = DeviceState.SafeState;

    public async ValueTask FireAsync(CancellationToken ct = default)
    {
        ct.ThrowIfCancellationRequested();
        _pwm.DutyCycle = ServoAngle.DutyCycle(_active);
        State = DeviceState.Online;
        try
        {
            await Task.Delay(_hold, _time, ct);
        }
        finally
        {
            EnterSafeState();
        }
    }

    public void EnterSafeState()
    {
        _pwm.DutyCycle = ServoAngle.DutyCycle(_rest);
        State = DeviceState.SafeState;
    }

    public void Dispose()
    {
        EnterSafeState();
        _pwm.Stop();
        _pwm.Dispose();
    }
}
