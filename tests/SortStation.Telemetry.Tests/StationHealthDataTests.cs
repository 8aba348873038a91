using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortStation.Core.Alarms;
using SortStation.Core.Devices;
using SortStation.Telemetry.Health;

namespace SortStation.Telemetry.Tests;

/// <summary>The MQTT health message is built from the same report /healthz shows.</summary>
public sealed class StationHealthDataTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ToMessage_ReportOfEveryCheck_EachPartFromItsCheck()
    {
        var jam = new StationAlarm(AlarmCodes.Jam, "photo-eye blocked", Now, StopsSorting: true);
        var report = Report(
            (StationHealthData.Camera, HealthStatus.Healthy, StationHealthData.Data(DeviceState.Online)),
            (StationHealthData.Scale, HealthStatus.Unhealthy, StationHealthData.Data(DeviceState.Faulted)),
            (StationHealthData.Gates, HealthStatus.Healthy, StationHealthData.Data((IReadOnlyDictionary<string, DeviceState>)new Dictionary<string, DeviceState> { ["glass"] = DeviceState.Online }, new GateTimingHealth(2, 1))),
            (StationHealthData.Broker, HealthStatus.Unhealthy, StationHealthData.Data(new MqttHealth(false, 7, 3, 4, null, "refused"))),
            (StationHealthData.Outbox, HealthStatus.Healthy, StationHealthData.Data(new OutboxHealth(5, 0, 1, 0))),
            (StationHealthData.Model, HealthStatus.Healthy, StationHealthData.Data("mobilenetv2-trashnet@2.0")),
            (StationHealthData.Sorting, HealthStatus.Unhealthy, StationHealthData.Data(SortingState.Jam, (IReadOnlyList<StationAlarm>)[jam])));

        var message = StationHealthData.ToMessage(report, "line-2", Now, 12.5);

        Assert.Equal(("line-2", Now, 12.5, "mobilenetv2-trashnet@2.0"), (message.StationId, message.Timestamp, message.UptimeSeconds, message.Model));
        Assert.Equal((DeviceState.Online, DeviceState.Faulted), (message.Devices.Camera, message.Devices.Scale));
        Assert.Equal(DeviceState.Online, message.Devices.Gates["glass"]);
        Assert.Equal(new GateTimingHealth(2, 1), message.GateTiming);
        Assert.Equal(new MqttHealth(false, 7, 3, 4, null, "refused"), message.Mqtt);
        Assert.Equal(new OutboxHealth(5, 0, 1, 0), message.Outbox);
        Assert.Equal(SortingState.Jam, message.State);
        Assert.Equal([jam], message.Alarms);
    }

    [Fact]
    public void ToMessage_NoChecks_AbsentDevicesAndRunning()
    {
        var message = StationHealthData.ToMessage(Report(), "line-2", Now, 0);

        Assert.Null(message.Devices.Camera);
        Assert.Null(message.Model);
        Assert.Null(message.GateTiming);
        Assert.Empty(message.Devices.Gates);
        Assert.Equal(SortingState.Running, message.State);
        Assert.False(message.Mqtt.Connected);
    }

    [Fact]
    public void ToMessage_CheckThatThrew_ItsPartFallsBackAndTheRestStays()
    {
        var report = Report(
            (StationHealthData.Outbox, HealthStatus.Unhealthy, new Dictionary<string, object>()),
            (StationHealthData.Camera, HealthStatus.Healthy, StationHealthData.Data(DeviceState.Online)));

        var message = StationHealthData.ToMessage(report, "line-2", Now, 0);

        Assert.Equal(new OutboxHealth(0, 0, 0, 0), message.Outbox);
        Assert.Equal(DeviceState.Online, message.Devices.Camera);
    }

    private static HealthReport Report(params (string Name, HealthStatus Status, IReadOnlyDictionary<string, object> Data)[] checks) =>
        new(checks.ToDictionary(c => c.Name, c => new HealthReportEntry(c.Status, null, TimeSpan.Zero, null, c.Data)), TimeSpan.Zero);
}
