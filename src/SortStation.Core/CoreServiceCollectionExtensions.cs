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

    /// <summary>
    /// Binds a section, validates it with its rules at start, and fails the start when they do not hold;
    /// the section is strict: a key <typeparamref name="TOptions"/> does not have is an error (<see cref="AddConfigSection"/>).
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.AddOptions<TOptions>().Bind(configuration.GetSection(section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        return services.AddConfigSection(configuration, new ConfigSection(section, typeof(TOptions)));
    }

    /// <summary>
    /// Declares a section the service reads (strict when it has an options type). At start every key of
    /// <paramref name="configuration"/> must belong to a declared section: an unknown key or section fails
    /// the start with the key, the file or variable it came from and the closest known key.
    /// </summary>
    public static IServiceCollection AddConfigSection(this IServiceCollection services, IConfiguration configuration, ConfigSection section)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton(section);
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<StrictConfiguration>)))
        {
            services.AddOptions<StrictConfiguration>().ValidateOnStart();
            services.AddSingleton<IValidateOptions<StrictConfiguration>>(sp => new StrictConfigurationValidator(configuration, sp.GetServices<ConfigSection>()));
        }

        return services;
    }
}
