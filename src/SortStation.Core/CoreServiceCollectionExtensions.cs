using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SortStation.Core.Alarms;
using SortStation.Core.Classification;
using SortStation.Core.Identity;
using SortStation.Core.Options;
using SortStation.Core.Pipeline;
using SortStation.Core.Pricing;
using SortStation.Core.Routing;
using SortStation.Core.Timing;
using SortStation.Kernel.Options;

namespace SortStation.Core;

/// <summary>Registers the device-independent part of the station. Devices, classifier and outbox come from the host.</summary>
public static class CoreServiceCollectionExtensions
{
    public static IServiceCollection AddSortStationCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddValidatedOptions<StationOptions, StationOptionsValidator>(configuration, StationOptions.Section);
        services.AddValidatedOptions<SortingOptions, SortingOptionsValidator>(configuration, SortingOptions.Section);
        services.AddValidatedOptions<BeltOptions, BeltOptionsValidator>(configuration, BeltOptions.Section);
        services.AddValidatedOptions<PricingOptions, PricingOptionsValidator>(configuration, PricingOptions.Section);
        services.AddValidatedOptions<ModelOptions, ModelOptionsValidator>(configuration, ModelOptions.Section);
        services.AddValidatedOptions<TriggerWatchOptions, TriggerWatchOptionsValidator>(configuration, TriggerWatchOptions.Section);

        // Cross-section rules over Sorting and Belt (their keys are declared by their own sections above).
        services.AddOptions<BeltLayout>().Bind(configuration).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BeltLayout>, BeltLayoutValidator>();

        services.AddSingleton<Router>();
        services.AddSingleton<BeltTiming>();
        services.AddSingleton<PriceTable>();
        services.AddSingleton<ItemIdGenerator>();
        services.AddSingleton<GateWindows>();
        services.AddSingleton<GateScheduler>();
        services.AddSingleton<SortingStatistics>();
        services.AddSingleton<SortingRun>();
        services.AddSingleton<SortingPipeline>();
        services.AddSingleton(sp => new StationAlarms(sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<StationAlarms>>()));
        services.AddSingleton<BacklogWatch>();
        services.AddSingleton<IdleWatch>();
        services.AddSingleton<GateTimingWatch>();
        services.AddSingleton(sp =>
        {
            var model = sp.GetRequiredService<IOptions<ModelOptions>>().Value;
            return new ClassificationWorkers(ThreadDefaults.Resolve(model, Environment.ProcessorCount).Workers, model.QueueAhead);
        });
        return services;
    }
}
