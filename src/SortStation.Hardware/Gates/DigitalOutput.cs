using System.Device.Gpio;

namespace SortStation.Hardware.Gates;

/// <summary>
/// One GPIO output with an active level. The pin is opened already at its inactive (safe) level, so the
/// actuator does not twitch when the station starts.
/// </summary>
public sealed class DigitalOutput : IDisposable
{
    private readonly GpioController _gpio;
    private readonly PinValue _active;
    private readonly PinValue _inactive;

    public DigitalOutput(GpioController gpio, int pin, bool activeHigh)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        _gpio = gpio;
        Pin = pin;
        (_active, _inactive) = activeHigh ? (PinValue.High, PinValue.Low) : (PinValue.Low, PinValue.High);
        _gpio.OpenPin(pin, PinMode.Output, _inactive);
    }

    public int Pin { get; }

    public void Energise() => _gpio.Write(Pin, _active);

    public void Release() => _gpio.Write(Pin, _inactive);

    public void Dispose()
    {
        Release();
        _gpio.ClosePin(Pin);
    }
}
