using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using SortStation.Core.Devices;

namespace SortStation.Core.Timing;

/// <summary>
/// Keeps items in flight between the camera and their gates and fires each gate when its item arrives.
/// Booking rule: one gate performs one diversion (pulse + release) at a time. When an item is routed its fire is
/// booked at the first free start from its due time; if that start is later than the first half of the gate's
/// MaxLate window (the time the item is in front of the paddle), nothing is booked and <see cref="Schedule"/> says
/// <see cref="ScheduleResult.Missed"/>, so the item's record can say where it really goes before it is written.
/// A booked fire that still cannot start within the whole window (a slow driver, a starved CPU) is skipped, never
/// fired onto the next item, and counted in <see cref="Statistics"/>. Both are logged at most once per <see cref="LogInterval"/>.
/// E-stop rule: <see cref="Pause"/> drives every gate to its safe level, cuts pulses in progress short,
/// and drops fires that fall due while paused; a gate never starts a diversion after Pause(true) returned.
/// </summary>
public sealed class GateScheduler : IAsyncDisposable
{
    private readonly Dictionary<string, GateLane> _lanes;
    private readonly GateWindows _windows;
    private readonly TimeProvider _time;
    private readonly ILogger<GateScheduler> _log;
    private readonly ConcurrentDictionary<ScheduledFire, byte> _pending = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TimerCallback _onDue;
    private readonly Lock _pauseLock = new();
    private readonly RateLimitedLog _missedLog;
    private readonly RateLimitedLog _lostLog;
    private CancellationTokenSource _pulses;
    private GateClock? _clock;
    private volatile bool _paused;
    private int _stopped;

    public GateScheduler(IEnumerable<IGate> gates, GateWindows windows, TimeProvider time, ILogger<GateScheduler> log)
    {
        ArgumentNullException.ThrowIfNull(gates);
        ArgumentNullException.ThrowIfNull(windows);
        _lanes = gates.ToDictionary(g => g.Bin, g => new GateLane(g), StringComparer.OrdinalIgnoreCase);
        _windows = windows;
        _time = time;
        _log = log;
        _onDue = state => _ = FireAsync((ScheduledFire)state!);
        _pulses = CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token);
        _missedLog = new RateLimitedLog(time, LogInterval, LogMissed);
        _lostLog = new RateLimitedLog(time, LogInterval, LogLost);

        // Thread-pool timers land 1 ms or more late; on the system clock a dedicated thread wakes early and
        // spins the rest (GateClock). A test clock only moves when told to, so it keeps using timers.
        WakeEarly = ReferenceEquals(time, TimeProvider.System) ? DefaultWakeEarly : TimeSpan.Zero;
    }

    /// <summary>How long before a due fire the gate clock thread stops sleeping and starts spinning.</summary>
    public static TimeSpan DefaultWakeEarly { get; } = TimeSpan.FromMilliseconds(2);

    /// <summary>At most one log line per this interval for missed gates, and one for lost fires.</summary>
    public static TimeSpan LogInterval { get; } = TimeSpan.FromSeconds(10);

    /// <summary>Spin window of the gate clock; zero uses plain timers (test clocks, the benchmark's baseline).</summary>
    public TimeSpan WakeEarly { get; init; }

    public bool IsPaused => _paused;

    /// <summary>True when the gate clock thread got SCHED_FIFO; null before the first fire or on a test clock.</summary>
    public bool? RealtimeClock { get; private set; }

    /// <summary>Missed gates and lost fires since start, per gate.</summary>
    public GateStatistics Statistics { get; } = new();

    /// <summary>Raised after a gate has fired, with the due, booked and actual times.</summary>
    public event EventHandler<GateFiredEventArgs>? Fired;

    public int InFlight => _pending.Count;

    public IEnumerable<IGate> Gates => _lanes.Values.Select(l => l.Gate);

    /// <summary>
    /// Books the gate of <paramref name="bin"/> for an item due there at <paramref name="dueAt"/>: <see cref="ScheduleResult.Passive"/>
    /// for a bin without a gate, <see cref="ScheduleResult.Missed"/> (nothing booked) when the gate cannot start in time.
    /// </summary>
    public ScheduleResult Schedule(string bin, DateTimeOffset dueAt, string itemId)
    {
        if (!_lanes.TryGetValue(bin, out var lane))
        {
            return ScheduleResult.Passive;
        }

        var window = _windows.For(lane.Gate.Bin);
        var now = _time.GetUtcNow();
        var startBy = dueAt + window.MaxLate;

        // A fire is booked only in the first half of its window: the paddle then meets the item well before its
        // tail, and the second half is slack for a pulse or a wake-up that runs late on a loaded CPU.
        var bookBy = dueAt + window.MaxLate / 2;
        var start = lane.Book(dueAt > now ? dueAt : now, window.Cycle, bookBy, now, t => Align(t, now));
        if (start is null)
        {
            Statistics.AddMissed(lane.Gate.Bin, now);
            _missedLog.Add(lane.Gate.Bin);
            return ScheduleResult.Missed;
        }

        var fire = new ScheduledFire(lane, itemId, dueAt, start.Value, startBy);
        _pending[fire] = 0;
        if (WakeEarly > TimeSpan.Zero)
        {
            LazyInitializer.EnsureInitialized(ref _clock, () => new GateClock(_time, WakeEarly, f => _ = FireAsync(f), OnClockStarted)).Add(fire);
            return ScheduleResult.Scheduled;
        }

        fire.Timer = _time.CreateTimer(_onDue, fire, fire.StartAt - now, Timeout.InfiniteTimeSpan);
        if (fire.Done.Task.IsCompleted)
        {
            fire.Timer.Dispose(); // fired before the assignment above
        }

        return ScheduleResult.Scheduled;
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

    /// <summary>
    /// The station is stopping: lets the booked fires happen (their items' records name those bins) for up to
    /// <paramref name="limit"/> or until <paramref name="ct"/>, then cancels the rest, drives every gate safe and
    /// logs "stopping: N pending fires cancelled, gates safe". Returns the number cancelled.
    /// </summary>
    public async Task<int> StopAsync(TimeSpan limit, CancellationToken ct = default)
    {
        var inFlight = _pending.Count;
        try
        {
            await WhenIdleAsync(ct).WaitAsync(limit, _time, ct);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            // The rest is cancelled below and counted as lost.
        }

        var cancelled = CancelPending();
        EnterSafeState();
        _missedLog.Flush();
        _lostLog.Flush();
        if (Interlocked.Exchange(ref _stopped, 1) == 0 || cancelled > 0)
        {
            _log.Log(
                cancelled == 0 ? LogLevel.Information : LogLevel.Warning,
                "stopping: {Cancelled} pending fires cancelled, gates safe ({Served} of {InFlight} fires in flight served first; missed gates since start {Missed}, lost fires {Lost})",
                cancelled,
                inFlight - cancelled,
                inFlight,
                Statistics.MissedTotal,
                Statistics.LostTotal);
        }

        return cancelled;
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
        if (!_pending.IsEmpty)
        {
            await StopAsync(TimeSpan.Zero); // cancels and logs what is left, and drives the gates safe
        }
        else
        {
            EnterSafeState();
        }

        _clock?.Dispose();
        _missedLog.Dispose();
        _lostLog.Dispose();
        _pulses.Dispose();
        _stopping.Dispose();
    }

    /// <summary>On timers (whole milliseconds) a start is rounded up to the tick the timer will really fire at, never earlier.</summary>
    private DateTimeOffset Align(DateTimeOffset t, DateTimeOffset now) =>
        WakeEarly > TimeSpan.Zero || t <= now ? (t < now ? now : t) : now + TimeSpan.FromMilliseconds(Math.Ceiling((t - now).TotalMilliseconds));

    /// <summary>Cancels every fire not yet started; each counts as lost (its record names a bin its item will not reach).</summary>
    private int CancelPending()
    {
        var cancelled = 0;
        foreach (var fire in _pending.Keys)
        {
            if (fire.TryClaim())
            {
                cancelled++;
                Lose(fire, FireLoss.Stopped, null);
                Finish(fire);
            }
        }

        return cancelled;
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
        if (!fire.TryClaim())
        {
            return; // cancelled by a stop
        }

        var lane = fire.Lane;
        var started = false;
        try
        {
            await lane.Busy.WaitAsync(_stopping.Token);
            try
            {
                Task diversion;
                DateTimeOffset actual;
                lock (_pauseLock)
                {
                    // Checked and started under the lock Pause takes, so no diversion starts after a pause.
                    actual = _time.GetUtcNow();
                    if (_paused || actual > fire.StartBy)
                    {
                        // Past StartBy the item has left the paddle: firing now could push the next item instead.
                        Lose(fire, _paused ? FireLoss.Paused : FireLoss.Late, null);
                        return;
                    }

                    started = true;
                    diversion = lane.Gate.FireAsync(_pulses.Token).AsTask();
                }

                await diversion;
                Fired?.Invoke(this, new GateFiredEventArgs(lane.Gate.Bin, fire.ItemId, fire.DueAt, fire.StartAt, fire.StartBy, actual));
            }
            finally
            {
                lane.Busy.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            if (!started)
            {
                Lose(fire, FireLoss.Stopped, null);
            }
        }
        catch (OperationCanceledException) when (_paused)
        {
            _log.LogWarning("Gate {Bin} diversion for item {ItemId} cut short: sorting was paused", lane.Gate.Bin, fire.ItemId);
        }
#pragma warning disable CA1031 // A failing gate must not take the scheduler down; it is counted and logged.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            Lose(fire, FireLoss.Fault, ex.Message);
        }
        finally
        {
            Finish(fire);
        }
    }

    private void Finish(ScheduledFire fire)
    {
        fire.Timer?.Dispose();
        _pending.TryRemove(fire, out _);
        fire.Done.TrySetResult();
    }

    private void Lose(ScheduledFire fire, FireLoss loss, string? detail)
    {
        var bin = fire.Lane.Gate.Bin;
        Statistics.AddLost(bin, loss, _time.GetUtcNow());
        _lostLog.Add(detail is null ? $"{bin} {loss.ToString().ToLowerInvariant()}" : $"{bin} fault ({detail})");
        _log.LogDebug("Gate {Bin} did not fire for item {ItemId}: {Loss} (booked {BookedMs:F1} ms after due, {LateMs:F1} ms past its latest start)", bin, fire.ItemId, loss, (fire.StartAt - fire.DueAt).TotalMilliseconds, (_time.GetUtcNow() - fire.StartBy).TotalMilliseconds);
    }

    private void LogMissed(long count, string byGate) => _log.LogWarning(
        "Missed gates: {Count} item(s) could not be diverted in time (gate busy with earlier items, or routed after the item passed) and are recorded to Sorting:EndOfBeltBin with reason missed-gate: {ByGate}; {Total} since start (sortstation_missed_gates_total). Space items further apart: check-config shows each gate's items/s",
        count,
        byGate,
        Statistics.MissedTotal);

    private void LogLost(long count, string byCause) => _log.LogError(
        "Gate fires lost: {Count} booked fire(s) did not happen and their records name a bin the item did not reach: {ByCause}; {Total} since start (sortstation_gate_fires_lost_total)",
        count,
        byCause,
        Statistics.LostTotal);
}
