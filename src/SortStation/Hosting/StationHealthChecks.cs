using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SortStation.Core.Devices;
using SortStation.Operations;
using SortStation.Telemetry.Health;
using SortStation.Vision;

namespace SortStation.Hosting;

/// <summary>
/// The station's checks, in the order /healthz lists them: camera, scale, gates, broker, outbox, model, the
/// sorting loop and its state (jam, soft stop, idle). /healthz and the MQTT health message both run them.
/// </summary>
internal static class StationHealthChecks
{
    public static IServiceCollection AddStationHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .Add(new HealthCheckRegistration(StationHealthData.Camera, sp => new DeviceHealthCheck(() => sp.GetService<ICamera>()?.State), null, null))
            .Add(new HealthCheckRegistration(StationHealthData.Scale, sp => new DeviceHealthCheck(() => sp.GetService<IScale>()?.State), null, null))
            .AddCheck<GatesHealthCheck>(StationHealthData.Gates)
            .AddCheck<BrokerHealthCheck>(StationHealthData.Broker)
            .AddCheck<OutboxHealthCheck>(StationHealthData.Outbox)
            .AddServiceCheck<IServiceProvider>(StationHealthData.Model, Model)
            .AddServiceCheck<WatchdogFeeder>(StationHealthData.Loop, w => w.Last.Alive ? HealthCheckResult.Healthy(w.Last.Reason) : HealthCheckResult.Unhealthy(w.Last.Reason))
            .AddCheck<SortingHealthCheck>(StationHealthData.Sorting);
        return services;
    }

    private static HealthCheckResult Model(IServiceProvider services) =>
        services.GetService<SwappableClassifier>() is not { } model
            ? HealthCheckResult.Unhealthy("no model loaded")
            : HealthCheckResult.Healthy(
                model.LastRefusal is { } refusal ? $"{model.Model.Id}; last candidate refused: {refusal}" : model.Model.Id,
                StationHealthData.Data(model.Model.Id));
}
