using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Core.Devices;
using SortStation.Core.Pipeline;
using SortStation.Kernel.Timing;
using SortStation.Operations;

namespace SortStation.Hosting;

/// <summary>
/// Sends WATCHDOG=1 to systemd (sd_notify over $NOTIFY_SOCKET) every half WatchdogSec, but only while
/// <see cref="WatchdogPolicy"/> says the loop is alive: a stuck pipeline stops the pings and systemd
/// restarts the service (WatchdogSec, Restart=on-failure). Outside systemd it still judges, for /healthz.
/// </summary>
internal sealed class WatchdogFeeder(
    ISystemdNotifier notifier,
    SortingRun run,
    IInterlock interlock,
    IOptionsMonitor<HealthOptions> options,
    TimeProvider time,
    ILogger<WatchdogFeeder> log) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");
    private long _fed;
    private long _checks;

    public TimeSpan Interval { get; init; } = WatchdogInterval.FromEnvironment();

    /// <summary>Pings sent (or, outside systemd, that would have been sent).</summary>
    public long Fed => Interlocked.Read(ref _fed);

    public WatchdogVerdict Last { get; private set; } = new(true, "starting");

    /// <summary>Judgements made since start, fed or not.</summary>
    public long Checks => Interlocked.Read(ref _checks);

    /// <summary>Judges the loop now and pings when it is alive.</summary>
    public WatchdogVerdict Check()
    {
        var verdict = WatchdogPolicy.Judge(run, interlock, TimeSpan.FromSeconds(options.CurrentValue.ItemStallSeconds));
        var previous = Last;
        Last = verdict;
        Interlocked.Increment(ref _checks);
        if (verdict.Alive)
        {
            if (notifier.IsEnabled)
            {
                notifier.Notify(Ping);
            }

            Interlocked.Increment(ref _fed);
            if (!previous.Alive)
            {
                log.LogWarning("Watchdog fed again: {Reason}", verdict.Reason);
            }
        }
        else if (previous.Alive)
        {
            log.LogError("Watchdog NOT fed: {Reason}. systemd restarts the service after WatchdogSec", verdict.Reason);
        }

        return verdict;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        log.LogInformation("Watchdog: checking every {Interval} (systemd watchdog {State})", Interval, notifier.IsEnabled ? "on" : "off: not under systemd");
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            Check();
        }
        while (await PeriodicTicks.NextAsync(timer, stoppingToken));
    }
}
