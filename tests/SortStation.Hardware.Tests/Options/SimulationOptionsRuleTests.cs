using SortStation.Simulation;

namespace SortStation.Hardware.Tests.Options;

public sealed class SimulationOptionsRuleTests
{
    [Fact]
    public void Simulation_ZeroScaleSensitivity_Fails()
    {
        var result = new SimulationOptionsValidator().Validate(null, new SimulationOptions { ScaleCountsPerKilogram = 0 });

        Assert.Contains(result.Failures!, f => f.Contains("Simulation:ScaleCountsPerKilogram", StringComparison.Ordinal));
    }
}
