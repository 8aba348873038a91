using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Core.Units;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Scale;

/// <summary>
/// The belt scale: HX711 samples → median/average filter → stable window → zero tracking → net mass.
/// No stable weight within the settle time, a read timeout or an overload is a <see cref="DeviceFaultException"/>,
/// which the pipeline records as a missing weight rather than a wrong one.
/// </summary>
public sealed class Hx711Scale : ICalibratableScale, ILoadSensor, IDisposable
{
    private int _disposed;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly Hx711Sampler _sampler;
    private readonly ScaleOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<Hx711Scale> _log;
    private ScaleCalibration _calibration;

    public Hx711Scale(GpioController gpio, ScaleOptions options, TimeProvider time, ILogger<Hx711Scale> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _log = log;
        _calibration = ScaleCalibrationFile.Resolve(options, out var source);
        log.LogInformation("Scale calibration from {Source}: {Factor:F1} counts/kg, zero {Zero:F0} counts", source, _calibration.CountsPerKilogram, _calibration.ZeroCounts);
        _sampler = new Hx711Sampler(gpio, options, time);
    }

    public DeviceState State { get; private set; } = DeviceState.Starting;

    public double ZeroCounts => _calibration.ZeroCounts;

    public double CountsPerKilogram => _calibration.CountsPerKilogram;

    public async ValueTask<Mass> ReadAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            var window = _options.WindowSamples;
            var filter = new SampleFilter(_options.Filter, window);
            var stability = new StabilityDetector(window, GramsToCounts(_options.StableToleranceGrams));
            var started = _time.GetTimestamp();
            while (true)
            {
                var filtered = filter.Add(await SampleAsync(ct));
                if (filter.IsFull && stability.Add(filtered))
                {
                    return Settle(filtered);
                }

                if (_time.GetElapsedTime(started).TotalMilliseconds > _options.SettleTimeoutMilliseconds)
                {
                    throw Fault($"weight did not settle within {_options.SettleTimeoutMilliseconds} ms (spread above {_options.StableToleranceGrams} g)");
                }
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<Mass> SampleNetAsync(CancellationToken ct = default)
    {
        await _lock.WaitAsync(ct);
        try
        {
            return _calibration.ToMass(await SampleAsync(ct));
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<double> ReadCountsAsync(int samples, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 1);
        await _lock.WaitAsync(ct);
        try
        {
            var sum = 0.0;
            for (var i = 0; i < samples; i++)
            {
                sum += await SampleAsync(ct);
            }

            return sum / samples;
        }
        finally
        {
            _lock.Release();
        }
    }

    public async ValueTask<double> TareAsync(int samples, CancellationToken ct = default)
    {
        var zero = await ReadCountsAsync(samples, ct);
        _calibration = _calibration.WithZero(zero);
        _log.LogInformation("Scale tared: zero = {Zero:F0} counts", zero);
        return zero;
    }

    public void Calibrate(double countsPerKilogram)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Math.Abs(countsPerKilogram), 1);
        _calibration = _calibration with { CountsPerKilogram = countsPerKilogram };
    }

    public void Dispose()
    {
        // Registered under several service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _sampler.Dispose();
        _lock.Dispose();
    }

    private Mass Settle(double filtered)
    {
        var zero = new ZeroTracker(GramsToCounts(_options.ZeroTrackingGrams)).Track(_calibration.ZeroCounts, filtered);
        if (zero != _calibration.ZeroCounts)
        {
            _log.LogDebug("Zero tracking: zero {Old:F0} → {New:F0} counts", _calibration.ZeroCounts, zero);
            _calibration = _calibration.WithZero(zero);
        }

        var net = _calibration.ToMass(filtered);
        if (net.Kilograms > _options.CapacityKilograms)
        {
            throw Fault($"overload: {net} is above the load cell's capacity of {_options.CapacityKilograms} kg");
        }

        MarkOnline();
        return net;
    }

    private async ValueTask<int> SampleAsync(CancellationToken ct)
    {
        int raw;
        try
        {
            raw = await _sampler.ReadAsync(ct);
        }
        catch (DeviceFaultException ex)
        {
            throw Fault(ex.Message);
        }

        if (raw is >= Hx711Sampler.SaturatedHigh or <= Hx711Sampler.SaturatedLow)
        {
            throw Fault($"overload: HX711 output saturated ({raw} counts); the load is beyond the input range or a wire is loose");
        }

        return raw;
    }

    private double GramsToCounts(double grams) => Math.Abs(grams / 1000.0 * _calibration.CountsPerKilogram);

    private DeviceFaultException Fault(string reason)
    {
        if (State != DeviceState.Faulted)
        {
            _log.LogWarning("Scale faulted: {Reason}", reason);
        }

        State = DeviceState.Faulted;
        return new DeviceFaultException("scale: " + reason);
    }

    private void MarkOnline()
    {
        if (State != DeviceState.Online)
        {
            _log.LogInformation("Scale online");
        }

        State = DeviceState.Online;
    }
}
