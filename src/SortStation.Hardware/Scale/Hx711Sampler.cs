using System.Device.Gpio;
using Iot.Device.Hx711;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Scale;

/// <summary>
/// Raw 24-bit samples through the Iot.Device.Hx711 binding. The binding waits for DOUT without a limit,
/// so readiness is checked here first with a timeout (Avia Semiconductor HX711 datasheet: DOUT low =
/// data ready; a missing or unpowered HX711 leaves DOUT high or floating).
/// </summary>
public sealed class Hx711Sampler : IDisposable
{
    // Datasheet: out-of-range input saturates the output at 800000h (min) or 7FFFFFh (max).
    public const int SaturatedHigh = 0x7FFFFF;
    public const int SaturatedLow = -0x800000;

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(1);
    private readonly GpioController _gpio;
    private readonly int _dataPin;
    private readonly TimeProvider _time;
    private readonly TimeSpan _timeout;
    private readonly bool _needsGainSelect;
    private readonly Hx711 _hx711;
    private bool _gainSelected;

    public Hx711Sampler(GpioController gpio, ScaleOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        _gpio = gpio;
        _dataPin = options.DataPin;
        _time = time;
        _timeout = TimeSpan.FromMilliseconds(options.ReadTimeoutMilliseconds);
        var mode = options.Gain switch
        {
            ScaleGain.A64 => Hx711Mode.ChannelAGain64,
            ScaleGain.B32 => Hx711Mode.ChannelBGain32,
            _ => Hx711Mode.ChannelAGain128,
        };

        // The binding opens DOUT as input and PD_SCK as output (low = powered up, datasheet p.5).
        _hx711 = new Hx711(options.DataPin, options.ClockPin, new Hx711Options(mode, false), gpio, shouldDispose: false);

        // Ratio 1 makes the binding's "grams" the raw counts; tare, filter and calibration are ours.
        _hx711.SetConversionRatio(1);

        // After power-up the HX711 converts channel A gain 128; the pulses after a read select the
        // next conversion's input, so the first sample in another mode is discarded.
        _needsGainSelect = mode != Hx711Mode.ChannelAGain128;
    }

    /// <summary>One raw sample in counts (signed 24-bit). Throws <see cref="DeviceFaultException"/> on timeout.</summary>
    public async ValueTask<int> ReadAsync(CancellationToken ct)
    {
        if (_needsGainSelect && !_gainSelected)
        {
            await ReadOneAsync(ct);
            _gainSelected = true;
        }

        return await ReadOneAsync(ct);
    }

    public void Dispose()
    {
        // Datasheet: PD_SCK held high for more than 60 µs powers the HX711 down.
        _hx711.PowerDown();
        _hx711.Dispose();
    }

    private async ValueTask<int> ReadOneAsync(CancellationToken ct)
    {
        var started = _time.GetTimestamp();
        while (_gpio.Read(_dataPin) == PinValue.High)
        {
            if (_time.GetElapsedTime(started) > _timeout)
            {
                throw new DeviceFaultException($"HX711 read timeout: DOUT (GPIO {_dataPin}) stayed high for {_timeout.TotalMilliseconds:F0} ms; check its power and wiring.");
            }

            await Task.Delay(Poll, _time, ct);
        }

        return (int)Math.Round(_hx711.GetWeight(1).Grams);
    }
}
