using System.Device.Pwm;

namespace SortStation.Hardware.Tests.Support;

/// <summary>A PWM channel that records every duty cycle it was given.</summary>
public sealed class FakePwmChannel : PwmChannel
{
    public override int Frequency { get; set; }

    public override double DutyCycle
    {
        get => Duties.Count == 0 ? 0 : Duties[^1];
        set => Duties.Add(value);
    }

    public List<double> Duties { get; } = [];

    public bool Running { get; private set; }

    public override void Start() => Running = true;

    public override void Stop() => Running = false;

    public bool Disposed { get; private set; }

    protected override void Dispose(bool disposing)
    {
        Disposed = true;
        base.Dispose(disposing);
    }
}
