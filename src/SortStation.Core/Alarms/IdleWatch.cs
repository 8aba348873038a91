using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;

namespace SortStation.Core.Alarms;

/// <summary>
/// No item for Trigger:IdleSeconds while the station could sort (no soft stop, no e-stop, nothing in the
/// pipeline) is idle: reported in health and metrics and counted, logged once each way, never an error.
/// Judged once a second on the injected clock.
/// </summary>
public sealed class IdleWatch(
    SortingRun run,
    StationAlarms alarms,
    IOptions<TriggerWatchOptions> options,
    TimeProvider time,
    ILogger<IdleWatch> log,
    IInterlock? interlock = null) : SecondlyWatch(time)
{
    private readonly IInterlock _interlock = interlock ?? NoInterlock.Instance;
    private long _periods;
    private volatile bool _idle;
    private DateTimeOffset _quietSince;

    public bool IsIdle => _idle;

    /// <summary>Idle periods since start.</summary>
    public long Periods => Interlocked.Read(ref _periods);

    public TimeSpan Limit => TimeSpan.FromSeconds(options.Value.IdleSeconds);

    /// <summary>How long no item has come while the station could sort: since the last item, the end of a stop, or start.</summary>
    public TimeSpan Quiet
    {
        get
        {
            var now = Time.GetUtcNow();
            var quiet = run.SinceLastSeen;
            foreach (var resumed in new[] { alarms.ResumedAt, _interlock.ReleasedAt })
            {
                if (resumed is { } at && now - at < quiet)
                {
                    quiet = now - at;
                }
            }

            return quiet;
        }
    }

    /// <summary>Judges idleness now; logs and counts a change.</summary>
    public bool Check()
    {
        var quiet = Quiet;
        var idle = quiet >= Limit && !alarms.IsStopped && !_interlock.IsActive && run.ItemInProgressFor is null && !run.Completed.IsCompleted;
        if (idle == _idle)
        {
            return idle;
        }

        _idle = idle;
        var now = Time.GetUtcNow();
        if (idle)
        {
            _quietSince = now - quiet;
            Interlocked.Increment(ref _periods);
            log.LogInformation("Idle: no item for {Seconds} s (Trigger:IdleSeconds = {Limit}); the belt is empty or stopped upstream, not an error", Seconds(quiet), options.Value.IdleSeconds);
        }
        else
        {
            log.LogInformation("No longer idle after {Seconds} s without an item", Seconds(now - _quietSince));
        }

        return idle;
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("F0", CultureInfo.InvariantCulture);

    protected override void Tick() => Check();
}
