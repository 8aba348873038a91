using Microsoft.Extensions.DependencyInjection;
using SortStation.Central.Settings;
using SortStation.Central.Storage;

namespace SortStation.Central.Web.Settings;

/// <summary>The Settings page's registrations. A later issue adds its section with one more <see cref="ISettingsSource"/> and its <see cref="PreferenceDefinition"/>s.</summary>
public static class SettingsServices
{
    public static IServiceCollection AddConsoleSettings(this IServiceCollection services)
    {
        services.AddSingleton<ISettingsStore>(sp => new SqlSettingsStore(sp.GetRequiredService<ISqlDialect>()));
        foreach (var preference in ConsolePreferences.All)
        {
            services.AddSingleton(preference);
        }

        services.AddSingleton<Preferences>();
        services.AddSingleton<ISettingsSource, CentralConfigurationSource>();
        services.AddSingleton<SettingsReader>();
        return services;
    }
}
