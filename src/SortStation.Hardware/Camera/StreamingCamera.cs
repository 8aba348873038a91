using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;
using SortStation.Hardware.Options;
using SortStation.Kernel.Timing;

namespace SortStation.Hardware.Camera;

/// <summary>
/// A camera whose reader thread reads its source continuously and keeps only the newest frame, so a
/// capture at trigger time never gets a frame that waited in the driver's queue. On a failed read it
/// goes Faulted (captures throw), reconnects with back-off and goes Online when frames return; each
/// transition is logged once.
/// </summary>
public sealed class StreamingCamera : ICamera, IDisposable
{
    private int _disposed;
    private readonly IFrameSource _source;
    private readonly TimeProvider _time;
    private readonly ILogger<StreamingCamera> _log;
    private readonly TimeSpan _frameTimeout;
    private readonly Backoff _backoff;
    private readonly Lock _gate = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _firstFrame = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Frame? _latest;
    private byte[]? _spare;
    private byte[]? _out;
    private Task? _reader;
    private string _fault = "not started";

    public StreamingCamera(IFrameSource source, CameraOptions options, TimeProvider time, ILogger<StreamingCamera> log)
    {
        ArgumentNullException.ThrowIfNull(options);
        _source = source;
        _time = time;
        _log = log;
        _frameTimeout = TimeSpan.FromMilliseconds(options.FrameTimeoutMilliseconds);
        _backoff = new Backoff(TimeSpan.FromMilliseconds(options.ReconnectMinMilliseconds), TimeSpan.FromMilliseconds(options.ReconnectMaxMilliseconds));
    }

    public DeviceState State { get; private set; } = DeviceState.Starting;

    /// <summary>Frames read from the source since start (including those superseded before anyone asked).</summary>
    public long FramesRead { get; private set; }

    /// <summary>Starts the reader thread; idempotent.</summary>
    public void Start()
    {
        lock (_gate)
        {
            _reader ??= Task.Factory.StartNew(() => ReadLoopAsync(_stop.Token), _stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();
        }
    }

    public async ValueTask<Frame> CaptureAsync(CancellationToken ct = default)
    {
        Start();
        if (State == DeviceState.Faulted)
        {
            throw new DeviceFaultException($"camera {_source.Name}: {_fault}");
        }

        try
        {
            await _firstFrame.Task.WaitAsync(_frameTimeout, _time, ct);
        }
        catch (TimeoutException)
        {
            throw new DeviceFaultException($"camera {_source.Name}: no frame within {_frameTimeout.TotalMilliseconds:F0} ms");
        }

        lock (_gate)
        {
            var latest = _latest!;
            var age = _time.GetUtcNow() - latest.CapturedAt;
            if (age > _frameTimeout)
            {
                throw new DeviceFaultException($"camera {_source.Name}: newest frame is {age.TotalMilliseconds:F0} ms old");
            }

            // The caller may keep this frame while the reader fills its buffers: give it its own.
            if (_out is null || _out.Length != latest.Pixels.Length)
            {
                _out = new byte[latest.Pixels.Length];
            }

            latest.Pixels.AsSpan().CopyTo(_out);
            return new Frame(_out, latest.Width, latest.Height, latest.CapturedAt);
        }
    }

    public void Dispose()
    {
        // Registered under several service types, so the container may dispose it more than once.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        try
        {
            _reader?.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
        }

        _source.Dispose();
        _stop.Dispose();
    }

    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var open = false;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                if (!open)
                {
                    _source.Open();
                    open = true;
                }

                var frame = _source.Read(_spare, _time.GetUtcNow()) ?? throw new DeviceFaultException("read failed (unplugged?)");
                Publish(frame);
                if (_source.Pacing > TimeSpan.Zero)
                {
                    await Task.Delay(_source.Pacing, _time, ct);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Any source failure (OpenCV, driver) means: fault, close, retry later.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                MarkFaulted(ex.Message);
                _source.Close();
                open = false;
                await WaitAsync(_backoff.Next(), ct);
            }
        }

        _source.Close();
    }

    private void Publish(Frame frame)
    {
        lock (_gate)
        {
            _spare = _latest?.Pixels;
            _latest = frame;
            FramesRead++;
        }

        _backoff.Reset();
        if (State != DeviceState.Online)
        {
            _log.LogInformation("Camera {Name} online ({Width}x{Height})", _source.Name, frame.Width, frame.Height);
            State = DeviceState.Online;
        }

        _firstFrame.TrySetResult();
    }

    private void MarkFaulted(string reason)
    {
        _fault = reason;
        if (State != DeviceState.Faulted)
        {
            _log.LogWarning("Camera {Name} faulted: {Reason}; reconnecting with back-off", _source.Name, reason);
            State = DeviceState.Faulted;
        }
    }

    private async Task WaitAsync(TimeSpan wait, CancellationToken ct)
    {
        try
        {
            await Task.Delay(wait, _time, ct);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
