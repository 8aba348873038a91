using SortStation.Simulation;

namespace SortStation.Simulation.Tests;

public sealed class SimulationOptionsRuleTests
{
    [Fact]
    public void Simulation_ZeroScaleSensitivity_Fails()
    {
        var result = new SimulationOptionsValidator().Validate(null, new SimulationOptions { ScaleCountsPerKilogram = 0 });

        Assert.Contains(result.Failures!, f => f.Contains("Simulation:ScaleCountsPerKilogram", StringComparison.Ordinal));
    }

    [Fact]
    public void Simulation_NegativeJamAfterItems_Fails()
    {
        var result = new SimulationOptionsValidator().Validate(null, new SimulationOptions { JamAfterItems = -1 });

        Assert.Contains(result.Failures!, f => f.StartsWith("Simulation:JamAfterItems = -1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3601)]
    public void Simulation_JamHoldSecondsOutOfRange_Fails(int seconds)
    {
        var result = new SimulationOptionsValidator().Validate(null, new SimulationOptions { JamHoldSeconds = seconds });

        Assert.Contains(result.Failures!, f => f.StartsWith("Simulation:JamHoldSeconds", StringComparison.Ordinal));
    }
}
