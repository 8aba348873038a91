using System.Device.Gpio;

namespace SortStation.Hardware.Tests.Support;

/// <summary>
/// A GPIO driver with no hardware: remembers pin modes and output levels, records every write, lets a
/// test drive inputs (with edge callbacks like the kernel's), and lets a device model answer reads.
/// </summary>
public class FakeGpioDriver : GpioDriver
{
    private readonly Dictionary<int, PinMode> _modes = [];
    private readonly Dictionary<int, PinValue> _levels = [];
    private readonly Dictionary<int, PinValue> _levelWhenMadeOutput = [];
    private readonly Dictionary<int, List<(PinEventTypes Events, PinChangeEventHandler Handler)>> _callbacks = [];
    private readonly Lock _gate = new();

    /// <summary>Every write in order: (pin, level).</summary>
    public List<(int Pin, PinValue Value)> Writes { get; } = [];

    /// <summary>A device model's answer for a read, or null to use the stored level.</summary>
    public Func<int, PinValue?>? OnRead { get; set; }

    /// <summary>A device model's reaction to a write.</summary>
    public Action<int, PinValue>? OnWrite { get; set; }

    public IReadOnlyCollection<int> OpenPins
    {
        get
        {
            lock (_gate)
            {
                return [.. _modes.Keys];
            }
        }
    }

    protected override int PinCount => 28;

    public PinMode ModeOf(int pin) => _modes[pin];

    /// <summary>The level the pin held when it was switched to an output: what the actuator saw first.</summary>
    public PinValue LevelWhenMadeOutput(int pin)
    {
        lock (_gate)
        {
            return _levelWhenMadeOutput[pin];
        }
    }

    public PinValue LevelOf(int pin)
    {
        lock (_gate)
        {
            return _levels.GetValueOrDefault(pin, PinValue.Low);
        }
    }

    /// <summary>Sets an input level as the outside world would, raising the edge callbacks.</summary>
    public void SetInput(int pin, PinValue value)
    {
        List<(PinEventTypes Events, PinChangeEventHandler Handler)> targets;
        PinValue before;
        lock (_gate)
        {
            before = _levels.GetValueOrDefault(pin, PinValue.Low);
            _levels[pin] = value;
            targets = [.. _callbacks.GetValueOrDefault(pin) ?? []];
        }

        if (before == value)
        {
            return;
        }

        var edge = value == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
        foreach (var (events, handler) in targets)
        {
            if ((events & edge) != 0)
            {
                handler(this, new PinValueChangedEventArgs(edge, pin));
            }
        }
    }

    protected override void OpenPin(int pinNumber)
    {
        lock (_gate)
        {
            _modes[pinNumber] = PinMode.Input;
        }
    }

    protected override void ClosePin(int pinNumber)
    {
        lock (_gate)
        {
            _modes.Remove(pinNumber);
            _callbacks.Remove(pinNumber);
        }
    }

    protected override void SetPinMode(int pinNumber, PinMode mode)
    {
        lock (_gate)
        {
            _modes[pinNumber] = mode;
            if (mode == PinMode.Output)
            {
                _levelWhenMadeOutput[pinNumber] = _levels.GetValueOrDefault(pinNumber, PinValue.Low);
            }

            if (mode == PinMode.InputPullUp && !_levels.ContainsKey(pinNumber))
            {
                _levels[pinNumber] = PinValue.High;
            }
        }
    }

    /// <summary>As the kernel's line request with a default value: the level is set before the pin drives it.</summary>
    protected override void SetPinMode(int pinNumber, PinMode mode, PinValue initialValue)
    {
        lock (_gate)
        {
            _levels[pinNumber] = initialValue;
            Writes.Add((pinNumber, initialValue));
        }

        SetPinMode(pinNumber, mode);
    }

    protected override PinMode GetPinMode(int pinNumber) => _modes[pinNumber];

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) => true;

    protected override PinValue Read(int pinNumber) => OnRead?.Invoke(pinNumber) ?? LevelOf(pinNumber);

    protected override void Toggle(int pinNumber) => Write(pinNumber, !LevelOf(pinNumber));

    protected override void Write(int pinNumber, PinValue value)
    {
        lock (_gate)
        {
            _levels[pinNumber] = value;
            Writes.Add((pinNumber, value));
        }

        OnWrite?.Invoke(pinNumber, value);
    }

    protected override WaitForEventResult WaitForEvent(int pinNumber, PinEventTypes eventTypes, CancellationToken cancellationToken) =>
        throw new NotSupportedException("tests use callbacks");

    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(pinNumber, out var list))
            {
                _callbacks[pinNumber] = list = [];
            }

            list.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            _callbacks.GetValueOrDefault(pinNumber)?.RemoveAll(c => c.Handler == callback);
        }
    }

    public int CallbackCount(int pin)
    {
        lock (_gate)
        {
            return _callbacks.GetValueOrDefault(pin)?.Count ?? 0;
        }
    }
}
