using System.Device.Gpio;
using System.Device.Pwm;
using System.Device.Pwm.Drivers;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Hardware.Pins;

namespace SortStation.Hardware.Gates;

/// <summary>Builds the gate of every gated bin from Sorting:Bins.</summary>
public static class GateFactory
{
    /// <summary>
    /// Creates the gates; <paramref name="pwmFor"/> supplies a servo's PWM channel (default: hardware PWM on
    /// GPIO 12/13/18/19, software PWM elsewhere).
    /// </summary>
    public static IReadOnlyList<IGate> Create(SortingOptions sorting, GpioController gpio, TimeProvider time, Func<int, PwmChannel>? pwmFor = null)
    {
        ArgumentNullException.ThrowIfNull(sorting);
        pwmFor ??= pin => DefaultPwm(pin, gpio);
        var gates = new List<IGate>();
        foreach (var (bin, o) in sorting.Bins.OrderBy(b => b.Key, StringComparer.Ordinal))
        {
            if (o.Gate == GateKind.None || o.Pin is not { } pin)
            {
                continue;
            }

            var duration = TimeSpan.FromMilliseconds(o.PulseMilliseconds);
            gates.Add(o.Gate switch
            {
                GateKind.Solenoid => new SolenoidGate(bin, new DigitalOutput(gpio, pin, o.ActiveHigh), duration, time),
                GateKind.Relay => new RelayGate(bin, new DigitalOutput(gpio, pin, o.ActiveHigh), duration, time),
                GateKind.Servo => new ServoGate(bin, pwmFor(pin), o.RestDegrees, o.ActiveDegrees, duration, time),
                _ => throw new InvalidOperationException($"Sorting:Bins:{bin}:Gate = {o.Gate}: no driver."),
            });
        }

        return gates;
    }

    private static PwmChannel DefaultPwm(int pin, GpioController gpio) => BoardPins.PwmChannel(pin) is { } channel
        ? PwmChannel.Create(0, channel, ServoAngle.FrequencyHertz) // needs dtoverlay=pwm-2chan in config.txt
        : new SoftwarePwmChannel(pin, ServoAngle.FrequencyHertz, 0, usePrecisionTimer: true, gpio, shouldDispose: false);
}
