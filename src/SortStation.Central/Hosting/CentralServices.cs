using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Serilog;
using SortStation.Central.Accounts;
using SortStation.Central.Ingest;
using SortStation.Central.Live;
using SortStation.Central.Options;
using SortStation.Central.Queries;
using SortStation.Central.Recluster;
using SortStation.Central.Stations;
using SortStation.Central.Storage;
using SortStation.Kernel.Hosting;
using SortStation.Kernel.Options;

namespace SortStation.Central.Hosting;

/// <summary>The central service's registrations: Serilog, storage, ingest and re-clustering.</summary>
public static class CentralServices
{
    /// <summary>The whole service in one call, so operations (systemd units, health endpoint) can plug in around it.</summary>
    public static IHostApplicationBuilder AddSortStationCentral(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var configuration = builder.Configuration;
        // preserveStaticLogger: the host owns its logger; disposing one host (tests run several) must not close another's sinks.
        services.AddSerilog((_, logger) => logger.ReadFrom.Configuration(configuration), preserveStaticLogger: true);
        services.AddConfigSection(configuration, new ConfigSection("Serilog", null)); // Serilog's own, free-form below its name
        // Read by the stations commands only (provisioning), but a key of the shipped file, so checked here too.
        services.AddConfigSection(configuration, new ConfigSection(BrokerOptions.Section, typeof(BrokerOptions)));
        services.AddSystemd();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        services.AddCentralStorage(configuration);
        services.AddValidatedOptions<CentralOptions, CentralOptionsValidator>(configuration, CentralOptions.Section);
        services.AddValidatedOptions<CentralMqttOptions, CentralMqttOptionsValidator>(configuration, CentralMqttOptions.Section);
        services.AddValidatedOptions<CentralClusteringOptions, CentralClusteringOptionsValidator>(configuration, CentralClusteringOptions.Section);

        services.AddHostedService<MigrationService>();
        services.AddSingleton<IStationStore>(sp => new SqlStationStore(sp.GetRequiredService<ISqlDialect>()));
        services.AddSingleton<StationRegistry>();
        services.AddSingleton(sp => new WeighingValidator(
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<CentralOptions>>().Value,
            sp.GetRequiredService<IOptions<CentralMqttOptions>>().Value.TopicPrefix,
            sp.GetRequiredService<StationRegistry>()));
        services.AddSingleton<MalformedLog>();
        services.AddSingleton<FleetEvents>();
        services.AddSingleton<StationStateTracker>();
        services.AddSingleton<LatestAnalysis>();
        services.AddSingleton<IngestPipeline>();
        services.AddSingleton<MqttIngestService>();
        services.AddSingleton<IClusterPublisher>(sp => sp.GetRequiredService<MqttIngestService>());
        services.AddHostedService(sp => sp.GetRequiredService<MqttIngestService>());
        services.AddSingleton<ReclusterRunner>();
        services.AddSingleton<ReclusterService>();
        services.AddHostedService(sp => sp.GetRequiredService<ReclusterService>());
        services.AddCentralOperations(configuration);
        return builder;
    }

    /// <summary>Storage options, dialect and store; also used alone by the stats command.</summary>
    public static IServiceCollection AddCentralStorage(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddTimeProvider();
        services.AddValidatedOptions<StorageOptions, StorageOptionsValidator>(configuration, StorageOptions.Section);
        services.AddSingleton(sp => StorageFactory.CreateDialect(sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<IWeighingStore>(sp => new SqlWeighingStore(sp.GetRequiredService<ISqlDialect>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WeighingQueries>();
        services.AddSingleton<SummaryQueries>();
        services.AddSingleton<DimensionQueries>();
        services.AddSingleton<IAccountStore, SqlAccountStore>();
        return services;
    }

    private static void TryAddTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(d => d.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }
}
