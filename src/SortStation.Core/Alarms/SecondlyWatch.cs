using Microsoft.Extensions.Hosting;

namespace SortStation.Core.Alarms;

/// <summary>A watch that judges its cause once a second on the injected clock, as a hosted service.</summary>
public abstract class SecondlyWatch(TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>The injected clock (tests: <c>FakeTimeProvider</c>).</summary>
    protected TimeProvider Time { get; } = time;

    /// <summary>Judges the cause now (raises, clears, counts).</summary>
    protected abstract void Tick();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Tick();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }
}
