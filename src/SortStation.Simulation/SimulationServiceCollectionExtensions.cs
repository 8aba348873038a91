using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SortStation.Core;
using SortStation.Core.Devices;
using SortStation.Core.Options;
using SortStation.Kernel.Options;

namespace SortStation.Simulation;

/// <summary>Puts the simulated belt behind every device seam.</summary>
public static class SimulationServiceCollectionExtensions
{
    public static IServiceCollection AddSimulatedHardware(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddValidatedOptions<SimulationOptions, SimulationOptionsValidator>(configuration, SimulationOptions.Section);
        services.AddSingleton<SimulatedConveyor>();
        services.AddSingleton<ICamera, SimulatedCamera>();
        services.AddSingleton<SimulatedScale>();
        services.AddSingleton<IScale>(sp => sp.GetRequiredService<SimulatedScale>());
        services.AddSingleton<ICalibratableScale>(sp => sp.GetRequiredService<SimulatedScale>());
        services.AddSingleton<SimulatedInterlock>();
        services.AddSingleton<IInterlock>(sp => sp.GetRequiredService<SimulatedInterlock>());
        services.AddSingleton<IItemTrigger, SimulatedTrigger>();
        services.AddGates(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return sp.GetRequiredService<IOptions<SortingOptions>>().Value.Bins
                .Where(b => b.Value.Gate != GateKind.None)
                .Select(b => (IGate)new SimulatedGate(b.Key, TimeSpan.FromMilliseconds(b.Value.PulseMilliseconds), time))
                .ToArray();
        });
        return services;
    }
}
