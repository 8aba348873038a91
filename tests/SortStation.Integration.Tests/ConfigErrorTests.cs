using SortStation.Integration.Tests.Support;

namespace SortStation.Integration.Tests;

/// <summary>A broken configuration stops the real binary at start with exit code 2 and a message naming key, value and fix.</summary>
public sealed class ConfigErrorTests : IDisposable
{
    private readonly string _config = Path.Combine(Path.GetTempPath(), $"sortstation-bad-{Guid.NewGuid():N}.json");

    [Fact]
    public async Task Run_BrokenConfigFile_ExitCode2WithEveryProblemNamed()
    {
        File.WriteAllText(_config, """
            {
              "Belt": { "SpeedMetersPerSecond": -0.5 },
              "Sorting": { "Routes": { "glass": "glas" }, "Bins": { "metal": { "Pin": 17 } } }
            }
            """);

        var (exit, _, stderr) = await StationProcess.RunAsync(["run", "--config", _config]);

        Assert.Equal(2, exit);
        Assert.Contains("no gate was energised", stderr, StringComparison.Ordinal);
        Assert.Contains("Belt:SpeedMetersPerSecond = -0.5", stderr, StringComparison.Ordinal);
        Assert.Contains("Sorting:Routes:glass = \"glas\"", stderr, StringComparison.Ordinal);
        Assert.Contains("GPIO 17 is used by several gates (fibre, metal)", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal); // no stack trace for a technician
    }

    [Theory]
    [InlineData("run")]
    [InlineData("check-config")]
    public async Task MistypedKey_ExitCode2NamingKeyFileAndSuggestion(string command)
    {
        File.WriteAllText(_config, """{ "Sorting": { "MinConfidense": 0.99 } }""");

        var (exit, _, stderr) = await StationProcess.RunAsync([command, "--config", _config]);

        Assert.Equal(2, exit);
        Assert.Contains($"Sorting:MinConfidense = \"0.99\": is not a known key (in {_config})", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean MinConfidence?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MistypedKeyInEnvironment_NamesTheVariable()
    {
        var (exit, _, stderr) = await StationProcess.RunAsync(["run"], new Dictionary<string, string> { ["SORTSTATION__Belt__SpeedMeterPerSecond"] = "0.4" });

        Assert.Equal(2, exit);
        Assert.Contains("(from the environment variable SORTSTATION__Belt__SpeedMeterPerSecond)", stderr, StringComparison.Ordinal);
        Assert.Contains("did you mean SpeedMetersPerSecond?", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_GateTooCloseForTheBelt_ExitCode2NamingKeyValueAndFix()
    {
        File.WriteAllText(_config, """
            { "Belt": { "SpeedMetersPerSecond": 10 }, "Sorting": { "Bins": { "fibre": { "DistanceMeters": 0.01 } } } }
            """);

        var (exit, _, stderr) = await StationProcess.RunAsync(["run", "--config", _config]);

        Assert.Equal(2, exit);
        Assert.Contains("no gate was energised", stderr, StringComparison.Ordinal);
        Assert.Contains("Sorting:Bins:fibre:DistanceMeters = 0.01: at 10 m/s the item reaches this gate 1 ms after the camera", stderr, StringComparison.Ordinal);
        Assert.Contains("Fix: move the gate at least 3 m from the camera line", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_WorkersAWord_ExitCode2NamingAutoOrNumber()
    {
        var (exit, _, stderr) = await StationProcess.RunAsync(["check-config"], new Dictionary<string, string> { ["SORTSTATION__Model__Workers"] = "two" });

        Assert.Equal(2, exit);
        Assert.Contains("Model:Workers", stderr, StringComparison.Ordinal);
        Assert.Contains("neither a whole number nor auto", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_EnvironmentOverrideInvalid_ExitCode2()
    {
        var (exit, _, stderr) = await StationProcess.RunAsync(["run"], new Dictionary<string, string> { ["SORTSTATION__Sorting__MinConfidence"] = "1.7" });

        Assert.Equal(2, exit);
        Assert.Contains("Sorting:MinConfidence = 1.7", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Demo_ModelFileMissing_ExitCode2NamingThePath()
    {
        var (exit, _, stderr) = await StationProcess.RunAsync(["demo", "--items", "3"], new Dictionary<string, string> { ["SORTSTATION__Model__Path"] = "models/missing.onnx" });

        Assert.Equal(2, exit);
        Assert.Contains("Model:Path = \"models/missing.onnx\"", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ConfigFileMissing_ExitCode2()
    {
        var (exit, _, stderr) = await StationProcess.RunAsync(["run", "--config", "/nonexistent/sortstation.json"]);

        Assert.Equal(2, exit);
        Assert.Contains("/nonexistent/sortstation.json", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NumberExpectedButWordGiven_ExitCode2()
    {
        File.WriteAllText(_config, """{ "Belt": { "SpeedMetersPerSecond": "fast" } }""");

        var (exit, _, stderr) = await StationProcess.RunAsync(["run", "--config", _config]);

        Assert.Equal(2, exit);
        Assert.Contains("SpeedMetersPerSecond", stderr, StringComparison.Ordinal);
    }

    public void Dispose() => File.Delete(_config);
}
