using System.Device.Gpio;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Safety;

/// <summary>
/// The e-stop loop on a GPIO input. Tripping is immediate on the first edge into the stop level; the
/// release needs the input clear for the release time, so a bouncing contact cannot restart the belt.
/// With the default wiring (NC loop to GND, pull-up, high = stop) a broken wire also stops the station.
/// </summary>
public sealed class GpioInterlock : IInterlock, IDisposable
{
    private int _disposed;
    private readonly GpioController _gpio;
    private readonly EStopOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<GpioInterlock> _log;
    private readonly Lock _gate = new();
    private readonly PinValue _stopLevel;
    private readonly InterlockLatch _latch = new();
    private ITimer? _release;

    public GpioInterlock(GpioController gpio, EStopOptions options, TimeProvider time, ILogger<GpioInterlock> log)
    {
        ArgumentNullException.ThrowIfNull(gpio);
        ArgumentNullException.ThrowIfNull(options);
        (_gpio, _options, _time, _log) = (gpio, options, time, log);
        _stopLevel = options.ActiveHigh ? PinValue.High : PinValue.Low;
        _gpio.OpenPin(options.Pin, options.PullUp ? PinMode.InputPullUp : PinMode.Input);
        _gpio.RegisterCallbackForPinValueChangedEvent(options.Pin, PinEventTypes.Rising | PinEventTypes.Falling, OnEdge);
        if (_gpio.Read(options.Pin) == _stopLevel)
        {
            _latch.Trip();
            _log.LogWarning("E-stop (GPIO {Pin}) is active at start: gates stay in their safe state until it is released", options.Pin);
        }
    }

    public bool IsActive => _latch.IsActive;

    public DateTimeOffset? ReleasedAt => _latch.ReleasedAt;

    public event EventHandler<InterlockChangedEventArgs>? Changed;

    public Task WaitUntilClearAsync(CancellationToken ct = default) => _latch.WaitUntilClearAsync(ct);

    public void Dispose()
    {
        // Registered under several service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _release?.Dispose();
        _gpio.UnregisterCallbackForPinValueChangedEvent(_options.Pin, OnEdge);
        _gpio.ClosePin(_options.Pin);
    }

    private void OnEdge(object sender, PinValueChangedEventArgs e)
    {
        // Read the level rather than trust the edge type: edges can be lost while bouncing.
        if (_gpio.Read(_options.Pin) == _stopLevel)
        {
            Trip();
        }
        else
        {
            lock (_gate)
            {
                _release?.Dispose();
                _release = IsActive ? _time.CreateTimer(_ => TryRelease(), null, TimeSpan.FromMilliseconds(_options.ReleaseMilliseconds), Timeout.InfiniteTimeSpan) : null;
            }
        }
    }

    private void Trip()
    {
        lock (_gate)
        {
            _release?.Dispose();
            _release = null;
            if (!_latch.Trip())
            {
                return;
            }
        }

        _log.LogWarning("E-stop tripped (GPIO {Pin})", _options.Pin);
        Changed?.Invoke(this, new InterlockChangedEventArgs(true, _time.GetUtcNow()));
    }

    private void TryRelease()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            // The pin is read under the lock so an edge into the stop level cannot slip between check and release.
            if (!_latch.IsActive || _gpio.Read(_options.Pin) == _stopLevel || !_latch.Release(now))
            {
                return;
            }
        }

        _log.LogInformation("E-stop released (GPIO {Pin} clear for {Ms} ms)", _options.Pin, _options.ReleaseMilliseconds);
        Changed?.Invoke(this, new InterlockChangedEventArgs(false, now));
    }
}
