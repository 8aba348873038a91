using System.Text.Json;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SortStation.Contracts;
using SortStation.Core.Alarms;
using SortStation.Core.Options;

namespace SortStation.Telemetry;

/// <summary>
/// Publishes the station's alarms retained (QoS 1) on <c>{prefix}/{stationId}/alarm</c> whenever they change,
/// and once at start, so a retained alarm left by an earlier run is replaced by the truth. While the broker is
/// away the newest state is retried every second and goes out once connected.
/// </summary>
public sealed class AlarmPublisher(MqttPublisher publisher, StationAlarms alarms, IOptions<MqttOptions> mqtt, IOptions<StationOptions> station, TimeProvider time) : BackgroundService
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>The alarm state version last acknowledged by the broker; -1 before the first.</summary>
    public long PublishedVersion { get; private set; } = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var topic = Topics.Alarm(mqtt.Value.TopicPrefix, station.Value.Id);
        alarms.Changed += OnChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var changed = Volatile.Read(ref _changed);
                var snapshot = alarms.Snapshot();
                if (snapshot.Version != PublishedVersion)
                {
                    var message = new AlarmMessage(AlarmMessage.CurrentSchema, station.Value.Id, time.GetUtcNow(), snapshot.Stopped, snapshot.Active);
                    if (await publisher.TryPublishRetainedAsync(topic, JsonSerializer.SerializeToUtf8Bytes(message, TelemetryJsonContext.Default.AlarmMessage), stoppingToken))
                    {
                        PublishedVersion = snapshot.Version;
                        continue; // it may have changed meanwhile
                    }

                    await Task.WhenAny(changed.Task, Task.Delay(RetryInterval, time, stoppingToken));
                }
                else
                {
                    await changed.Task.WaitAsync(stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping; the retained message keeps the last state published.
        }
        finally
        {
            alarms.Changed -= OnChanged;
        }
    }

    private void OnChanged(object? sender, AlarmChangedEventArgs e) => Interlocked.Exchange(ref _changed, NewSignal()).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
