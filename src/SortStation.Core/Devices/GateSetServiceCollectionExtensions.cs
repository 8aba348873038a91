using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SortStation.Core.Devices;

/// <summary>Registers the gate drivers so that the container owns and disposes them.</summary>
public static class GateSetServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GateSet"/> (disposed with the container) and <c>IEnumerable&lt;IGate&gt;</c> as its list.
    /// </summary>
    public static IServiceCollection AddGates(this IServiceCollection services, Func<IServiceProvider, IEnumerable<IGate>> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        services.AddSingleton(sp => new GateSet(create(sp), sp.GetRequiredService<ILogger<GateSet>>()));
        services.AddSingleton<IEnumerable<IGate>>(sp => sp.GetRequiredService<GateSet>().Gates);
        return services;
    }
}
