using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace SortStation.Kernel.Options;

/// <summary>How both services declare their configuration sections: bound, validated at start, strict about keys.</summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>
    /// Binds a section, validates it with its rules at start, and fails the start when they do not hold;
    /// the section is strict: a key <typeparamref name="TOptions"/> does not have is an error (<see cref="AddConfigSection"/>).
    /// </summary>
    public static IServiceCollection AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(configuration);
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
