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
    private TaskCompletionSource _clear = new(TaskCreationOptions.RunContinuationsAsynchronously);
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
            IsActive = true;
            _log.LogWarning("E-stop (GPIO {Pin}) is active at start: gates stay in their safe state until it is released", options.Pin);
        }
        else
        {
            _clear.TrySetResult();
        }
    }

    public bool IsActive { get; private set; }

    public DateTimeOffset? ReleasedAt { get; private set; }

    public event EventHandler<InterlockChangedEventArgs>? Changed;

    public Task WaitUntilClearAsync(CancellationToken ct = default)
    {
        lock (_gate)
        {
            return _clear.Task.WaitAsync(ct);
        }
    }

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
            if (IsActive)
            {
                return;
            }

            IsActive = true;
            _clear = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        _log.LogWarning("E-stop tripped (GPIO {Pin})", _options.Pin);
        Changed?.Invoke(this, new InterlockChangedEventArgs(true, _time.GetUtcNow()));
    }

    private void TryRelease()
    {
        var now = _time.GetUtcNow();
        lock (_gate)
        {
            if (!IsActive || _gpio.Read(_options.Pin) == _stopLevel)
            {
                return;
            }

            IsActive = false;
            ReleasedAt = now;
            _clear.TrySetResult();
        }

        _log.LogInformation("E-stop released (GPIO {Pin} clear for {Ms} ms)", _options.Pin, _options.ReleaseMilliseconds);
        Changed?.Invoke(this, new InterlockChangedEventArgs(false, now));
    }
}
