using System.Globalization;
using Microsoft.Extensions.Logging;

namespace SortStation.Core.Alarms;

/// <summary>
/// The station's one soft-stop and alarm mechanism. Whoever sees a cause (the photo-eye driver, the loop, the
/// outbox) raises its alarm and clears it when the cause is gone; nothing else has to know who. While an alarm
/// that stops sorting is active the loop takes no new item (a soft stop: items already routed still reach their
/// gates, nothing new is diverted); the MQTT alarm topic, health and metrics show it. Each raise and clear is
/// logged here, once, with the cause's own sentence, so a fault gives one clear line, not one per item.
/// </summary>
public sealed class StationAlarms(TimeProvider time, ILogger log)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StationAlarm> _active = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _raised = new(StringComparer.Ordinal);
    private DateTimeOffset? _resumedAt;
    private long _version;

    /// <summary>Raised after every change, outside the lock, on the thread that raised or cleared.</summary>
    public event EventHandler<AlarmChangedEventArgs>? Changed;

    /// <summary>True while any active alarm stops sorting.</summary>
    public bool IsStopped => Snapshot().Stopped;

    /// <summary>When the last soft stop ended; items seen up to then passed while the station was stopped.</summary>
    public DateTimeOffset? ResumedAt
    {
        get
        {
            lock (_gate)
            {
                return _resumedAt;
            }
        }
    }

    public AlarmSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new AlarmSnapshot(_version, [.. _active.Values.OrderBy(a => a.Since)]);
        }
    }

    /// <summary>How many times the alarm <paramref name="code"/> was raised since start.</summary>
    public long RaisedCount(string code)
    {
        lock (_gate)
        {
            return _raised.GetValueOrDefault(code);
        }
    }

    /// <summary>Raises <paramref name="code"/> unless it is already active; true when it was not.</summary>
    public bool Raise(string code, string message, bool stopsSorting = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(code);
        StationAlarm alarm;
        lock (_gate)
        {
            if (_active.ContainsKey(code))
            {
                return false;
            }

            alarm = new StationAlarm(code, message, time.GetUtcNow(), stopsSorting);
            _active[code] = alarm;
            _raised[code] = _raised.GetValueOrDefault(code) + 1;
            _version++;

            // Under the lock, so the cause is logged before anything that reacts to it.
            if (stopsSorting)
            {
                log.LogError("Soft stop ({Code}): {Message}. No new item is sorted until it clears; it clears by itself when the cause is gone", code, message);
            }
            else
            {
                log.LogError("Alarm ({Code}): {Message}", code, message);
            }
        }

        Changed?.Invoke(this, new AlarmChangedEventArgs(alarm, raised: true));
        return true;
    }

    /// <summary>Clears <paramref name="code"/> if it is active, saying why; true when it was.</summary>
    public bool Clear(string code, string reason)
    {
        StationAlarm alarm;
        bool resumes;
        var now = time.GetUtcNow();
        lock (_gate)
        {
            if (!_active.Remove(code, out alarm!))
            {
                return false;
            }

            resumes = alarm.StopsSorting && !_active.Values.Any(a => a.StopsSorting);
            if (resumes)
            {
                _resumedAt = now;
            }

            _version++;
            var lasted = (now - alarm.Since).TotalSeconds.ToString("F1", CultureInfo.InvariantCulture);
            if (resumes)
            {
                log.LogWarning("Soft stop ({Code}) cleared after {Seconds} s: {Reason}. Sorting resumes", code, lasted, reason);
            }
            else
            {
                log.LogWarning("Alarm ({Code}) cleared after {Seconds} s: {Reason}", code, lasted, reason);
            }
        }

        Changed?.Invoke(this, new AlarmChangedEventArgs(alarm, raised: false));
        return true;
    }
}
