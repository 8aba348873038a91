using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;

namespace SortStation.Core.Timing;

/// <summary>
/// Keeps items in flight between the camera and their gates and fires each gate when its item arrives.
/// Overlap rule: one gate performs one diversion at a time; a demand that falls due while the gate is
/// still busy fires as soon as the previous diversion ends, in order of due time, and is logged as late.
/// E-stop rule: <see cref="Pause"/> drives every gate to its safe level, cuts pulses in progress short,
/// and drops fires that fall due while paused; a gate never starts a diversion after Pause(true) returned.
/// </summary>
public sealed class GateScheduler : IAsyncDisposable
{
    private readonly Dictionary<string, GateLane> _lanes;
    private readonly TimeProvider _time;
    private readonly ILogger<GateScheduler> _log;
    private readonly ConcurrentDictionary<ScheduledFire, byte> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimerCallback _onDue;
    private readonly Lock _pauseLock = new();
    private CancellationTokenSource _pulses;
    private GateClock? _clock;
    private volatile bool _paused;

    public GateScheduler(IEnumerable<IGate> gates, TimeProvider time, ILogger<GateScheduler> log)
    {
        ArgumentNullException.ThrowIfNull(gates);
        _lanes = gates.ToDictionary(g => g.Bin, g => new GateLane(g), StringComparer.OrdinalIgnoreCase);
        _time = time;
        _log = log;
        _onDue = state => _ = FireAsync((ScheduledFire)state!);
        _pulses = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);

        // Thread-pool timers land 1 ms or more late; on the system clock a dedicated thread wakes early and
        // spins the rest (GateClock). A test clock only moves when told to, so it keeps using timers.
        WakeEarly = ReferenceEquals(time, TimeProvider.System) ? DefaultWakeEarly : TimeSpan.Zero;
    }

    /// <summary>How long before a due fire the gate clock thread stops sleeping and starts spinning.</summary>
    public static TimeSpan DefaultWakeEarly { get; } = TimeSpan.FromMilliseconds(2);

    /// <summary>Spin window of the gate clock; zero uses plain timers (test clocks, the benchmark's baseline).</summary>
    public TimeSpan WakeEarly { get; init; }

    public bool IsPaused => _paused;

    /// <summary>True when the gate clock thread got SCHED_FIFO; null before the first fire or on a test clock.</summary>
    public bool? RealtimeClock { get; private set; }

    /// <summary>Raised after a gate has fired, with the scheduled and actual times.</summary>
    public event EventHandler<GateFiredEventArgs>? Fired;

    public int InFlight => _pending.Count;

    public IEnumerable<IGate> Gates => _lanes.Values.Select(l => l.Gate);

    /// <summary>Schedules the gate of <paramref name="bin"/>; false for a passive bin that has no gate.</summary>
    public bool Schedule(string bin, DateTimeOffset fireAt, string itemId)
    {
        if (!_lanes.TryGetValue(bin, out var lane))
        {
            return false;
        }

        var due = fireAt - _time.GetUtcNow();
        if (due < TimeSpan.Zero)
        {
            _log.LogWarning("Item {ItemId} reached gate {Bin} {LateMs:F1} ms before it was routed; firing now", itemId, bin, -due.TotalMilliseconds);
            due = TimeSpan.Zero;
        }

        var fire = new ScheduledFire(lane, itemId, fireAt);
        _pending[fire] = 0;
        if (WakeEarly > TimeSpan.Zero)
        {
            LazyInitializer.EnsureInitialized(ref _clock, () => new GateClock(_time, WakeEarly, f => _ = FireAsync(f), OnClockStarted)).Add(fire);
            return true;
        }

        // Timers count whole milliseconds: round up so a gate never fires before its item arrives.
        due = TimeSpan.FromMilliseconds(Math.Ceiling(due.TotalMilliseconds));
        fire.Timer = _time.CreateTimer(_onDue, fire, due, Timeout.InfiniteTimeSpan);
        if (fire.Done.Task.IsCompleted)
        {
            fire.Timer.Dispose(); // fired before the assignment above
        }

        return true;
    }

    /// <summary>
    /// While paused (e-stop), due fires are dropped and logged and no gate moves. Pausing drives every gate
    /// to its safe level and cuts diversions in progress short.
    /// </summary>
    public void Pause(bool paused)
    {
        lock (_pauseLock)
        {
            if (_paused == paused)
            {
                return;
            }

            _paused = paused;
            if (paused)
            {
                _pulses.Cancel();
                EnterSafeState();
                _log.LogWarning("Gates paused and in their safe state");
            }
            else
            {
                _pulses.Dispose();
                _pulses = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
                _log.LogInformation("Gates resumed");
            }
        }
    }

    /// <summary>Completes when every scheduled fire has happened or been dropped.</summary>
    public async Task WhenIdleAsync(CancellationToken ct = default)
    {
        while (!_pending.IsEmpty)
        {
            await Task.WhenAll(_pending.Keys.Select(p => p.Done.Task)).WaitAsync(ct);
        }
    }

    /// <summary>Drives every gate to its safe level; never throws.</summary>
    public void EnterSafeState()
    {
        foreach (var lane in _lanes.Values)
        {
            try
            {
                lane.Gate.EnterSafeState();
            }
#pragma warning disable CA1031 // Safe state must reach every gate even if one driver throws.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                _log.LogError(ex, "Gate {Bin} could not be driven to its safe state", lane.Gate.Bin);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        foreach (var fire in _pending.Keys)
        {
            fire.Timer?.Dispose();
            fire.Done.TrySetResult();
        }

        _clock?.Dispose();
        EnterSafeState();
        _pulses.Dispose();
        _stopping.Dispose();
    }

    private void OnClockStarted(bool realtime)
    {
        RealtimeClock = realtime;
        if (realtime)
        {
            _log.LogInformation("Gate clock thread runs under SCHED_FIFO priority {Priority}", GateClock.RealtimePriorityLevel);
        }
        else
        {
            _log.LogInformation("Gate clock thread at normal priority; allow SCHED_FIFO (systemd LimitRTPRIO={Priority}) for tighter gate timing on a busy CPU", GateClock.RealtimePriorityLevel);
        }
    }

    private async Task FireAsync(ScheduledFire fire)
    {
        var lane = fire.Lane;
        try
        {
            if (lane.Busy.CurrentCount == 0)
            {
                _log.LogWarning("Gate {Bin} busy when item {ItemId} fell due; firing after the current diversion", lane.Gate.Bin, fire.ItemId);
            }

            await lane.Busy.WaitAsync(_stopping.Token);
            try
            {
                Task diversion;
                DateTimeOffset actual;
                CancellationToken pulse;
                lock (_pauseLock)
                {
                    // Checked and started under the lock Pause takes, so no diversion starts after a pause.
                    if (_paused)
                    {
                        _log.LogWarning("Gate {Bin} not fired for item {ItemId}: sorting is paused", lane.Gate.Bin, fire.ItemId);
                        return;
                    }

                    actual = _time.GetUtcNow();
                    pulse = _pulses.Token;
                    diversion = lane.Gate.FireAsync(pulse).AsTask();
                }

                await diversion;
                Fired?.Invoke(this, new GateFiredEventArgs(lane.Gate.Bin, fire.ItemId, fire.FireAt, actual));
            }
            finally
            {
                lane.Busy.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (OperationCanceledException) when (_paused)
        {
            _log.LogWarning("Gate {Bin} diversion for item {ItemId} cut short: sorting was paused", lane.Gate.Bin, fire.ItemId);
        }
#pragma warning disable CA1031 // A failing gate must not take the scheduler down; it is logged and the item counted.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _log.LogError(ex, "Gate {Bin} failed to fire for item {ItemId}", lane.Gate.Bin, fire.ItemId);
        }
        finally
        {
            fire.Timer?.Dispose();
            _pending.TryRemove(fire, out _);
            fire.Done.TrySetResult();
        }
    }
}
