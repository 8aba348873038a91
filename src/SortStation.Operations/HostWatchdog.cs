using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Systemd;
using Microsoft.Extensions.Logging;
using SortStation.Kernel.Timing;

namespace SortStation.Operations;

/// <summary>
/// systemd watchdog for a host without a sorting loop (central): WATCHDOG=1 every half WatchdogSec while
/// no background service of the host has died. A hung or starved process stops the pings too, since this
/// loop then no longer runs. The station uses its own, stricter feeder (an item stuck in the pipeline).
/// </summary>
public sealed class HostWatchdog(ISystemdNotifier notifier, IServiceProvider services, TimeProvider time, ILogger<HostWatchdog> log) : BackgroundService
{
    private static readonly ServiceState Ping = new("WATCHDOG=1");

    public TimeSpan Interval { get; init; } = WatchdogInterval.FromEnvironment();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Resolved here, not in the constructor: this service is one of them.
        var workers = services.GetServices<IHostedService>().OfType<BackgroundService>().Where(s => !ReferenceEquals(s, this)).ToArray();
        using var timer = new PeriodicTimer(Interval, time);
        var fed = true;
        do
        {
            var dead = workers.FirstOrDefault(w => w.ExecuteTask?.IsFaulted == true);
            if (dead is null)
            {
                if (notifier.IsEnabled)
                {
                    notifier.Notify(Ping);
                }

                fed = true;
            }
            else if (fed)
            {
                fed = false;
                log.LogError("Watchdog NOT fed: {Service} stopped with an error; systemd restarts the service after WatchdogSec", dead.GetType().Name);
            }
        }
        while (await PeriodicTicks.NextAsync(timer, stoppingToken));
    }
}
