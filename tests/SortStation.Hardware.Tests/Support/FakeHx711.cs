using System.Device.Gpio;
using Microsoft.Extensions.Time.Testing;

namespace SortStation.Hardware.Tests.Support;

/// <summary>
/// An HX711 on two pins of a <see cref="FakeGpioDriver"/>, after the Avia Semiconductor datasheet:
/// DOUT low = conversion ready; each PD_SCK rising edge shifts out the next bit, MSB first, of a 24-bit
/// two's-complement sample; after bit 24 DOUT goes high; 25/26/27 pulses in total select channel A
/// gain 128 / channel B gain 32 / channel A gain 64 for the next conversion. A readiness poll after a
/// completed read starts the next conversion, which (optionally) advances a fake clock by the sample period.
/// </summary>
public sealed class FakeHx711
{
    private readonly int _dout;
    private readonly int _sck;
    private readonly FakeTimeProvider? _time;
    private readonly Queue<int> _script = new();
    private readonly Lock _gate = new();
    private int _pulses;
    private int _current;
    private bool _sckHigh;
    private bool _bitJustClocked;
    private bool _converting;

    public FakeHx711(FakeGpioDriver driver, int dout = 5, int sck = 6, FakeTimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(driver);
        (_dout, _sck, _time) = (dout, sck, time);
        driver.OnRead = pin => pin == _dout ? ReadDout() : null;
        driver.OnWrite = (pin, value) =>
        {
            if (pin == _sck)
            {
                OnClock(value);
            }
        };
        _converting = true; // the first readiness poll completes the first conversion
    }

    /// <summary>Sample returned when the script is empty.</summary>
    public int Steady { get; set; }

    /// <summary>False: DOUT stays high (unpowered or unwired HX711).</summary>
    public bool Powered { get; set; } = true;

    /// <summary>Time per conversion (10 SPS with RATE low = 100 ms).</summary>
    public TimeSpan SamplePeriod { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Total clock pulses of each completed read: 25 (A128), 26 (B32), 27 (A64).</summary>
    public List<int> PulsesPerRead { get; } = [];

    public void Enqueue(params int[] samples)
    {
        lock (_gate)
        {
            foreach (var s in samples)
            {
                _script.Enqueue(s);
            }
        }
    }

    private PinValue ReadDout()
    {
        lock (_gate)
        {
            var clocked = _bitJustClocked;
            _bitJustClocked = false;
            if (!Powered)
            {
                return PinValue.High;
            }

            if (_pulses == 0)
            {
                return _converting ? Complete() : PinValue.Low;
            }

            if (_pulses <= 24)
            {
                return ((_current >> (24 - _pulses)) & 1) == 1 ? PinValue.High : PinValue.Low;
            }

            if (clocked)
            {
                return PinValue.High; // extra gain pulses: DOUT stays high
            }

            // A readiness poll after the read: the read is over and the next conversion is ready.
            PulsesPerRead.Add(_pulses);
            _pulses = 0;
            return Complete();
        }
    }

    private PinValue Complete()
    {
        _converting = false;
        _current = NextSample();
        _time?.Advance(SamplePeriod);
        return PinValue.Low;
    }

    private void OnClock(PinValue value)
    {
        lock (_gate)
        {
            var high = value == PinValue.High;
            if (high && !_sckHigh)
            {
                _pulses++;
            }

            if (!high && _sckHigh)
            {
                _bitJustClocked = true;
            }

            _sckHigh = high;
        }
    }

    private int NextSample()
    {
        var sample = _script.Count > 0 ? _script.Dequeue() : Steady;
        return sample & 0xFFFFFF; // 24-bit two's complement on the wire
    }
}
