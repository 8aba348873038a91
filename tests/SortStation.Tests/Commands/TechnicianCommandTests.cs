using System.Text.Json;

namespace SortStation.Tests.Commands;

/// <summary>Every technician command, in-process, against the simulated hardware.</summary>
public sealed class TechnicianCommandTests
{
    [Fact]
    public async Task CheckConfig_ValidSimulatedConfig_ExitsZero()
    {
        using var cli = new CliRun().WithShippedModel();

        Assert.Equal(0, await cli.RunAsync("check-config"));
        Assert.Contains("Configuration OK", cli.Output);
        Assert.Contains("ran the sample frame", cli.Output);
    }

    [Fact]
    public async Task CheckConfig_ModelFileNotAModel_ExitsTwoNamingModelPath()
    {
        using var cli = new CliRun(); // its model.onnx is a line of text

        Assert.Equal(2, await cli.RunAsync("check-config"));
        Assert.Contains("Model:Path = ", cli.Error);
    }

    [Fact]
    public async Task CheckConfig_ValidConfig_PrintsTheItemsPerSecondOfEveryGateAndTheTrigger()
    {
        using var cli = new CliRun("""
            "Sorting": { "Bins": { "glass": { "PulseMilliseconds": 120, "ReleaseMilliseconds": 5 } } }
            """).WithShippedModel();

        Assert.Equal(0, await cli.RunAsync("check-config"));
        Assert.Matches(@"fibre +0\.40 m, reached +800 ms after the camera, diversion +100 ms -> at most +10\.0 items/s; a fire may start up to 100 ms late", cli.Output);
        Assert.Matches(@"glass +0\.65 m, reached +1300 ms after the camera, diversion +125 ms -> at most +8\.0 items/s", cli.Output);
        Assert.Contains("Trigger (PhotoEye, on the Pi): at most 6.7 items/s", cli.Output);
    }

    [Fact]
    public async Task CheckConfig_GateTooCloseForTheBelt_ExitsTwoNamingKey()
    {
        using var cli = new CliRun("""
            "Belt": { "SpeedMetersPerSecond": 10 }, "Sorting": { "Bins": { "fibre": { "DistanceMeters": 0.01 } } }
            """);

        Assert.Equal(2, await cli.RunAsync("check-config"));
        Assert.Contains("Sorting:Bins:fibre:DistanceMeters = 0.01", cli.Error);
    }

    [Fact]
    public async Task CheckConfig_PulseLongerThanTheTriggerSpacing_ExitsTwoNamingKey()
    {
        using var cli = new CliRun("""
            "Sorting": { "Bins": { "fibre": { "PulseMilliseconds": 5000 } } }
            """);

        Assert.Equal(2, await cli.RunAsync("check-config"));
        Assert.Contains("Sorting:Bins:fibre:PulseMilliseconds = 5000: pulse 5000 + ReleaseMilliseconds 20 = 5020 ms is not shorter than the 150 ms", cli.Error);
    }

    [Fact]
    public async Task CheckConfig_RaspberryWithPinClash_ExitsTwoWithKeyAndFix()
    {
        using var cli = new CliRun("""
            "Station": { "Hardware": "Raspberry" }, "Scale": { "DataPin": 17 }
            """);

        Assert.Equal(2, await cli.RunAsync("check-config"));
        Assert.Contains("GPIO 17 is claimed by several functions", cli.Error);
        Assert.Contains("no gate was energised", cli.Error);
    }

    [Fact]
    public async Task CheckConfig_SimulatedWithBadHardwareSection_ExitsTwo()
    {
        using var cli = new CliRun("""
            "EStop": { "Pin": 40 }
            """);

        Assert.Equal(2, await cli.RunAsync("check-config"));
        Assert.Contains("EStop:Pin = 40", cli.Error);
    }

    [Fact]
    public async Task Pins_DefaultConfig_PrintsTableWithHeaderPins()
    {
        using var cli = new CliRun();

        Assert.Equal(0, await cli.RunAsync("pins"));
        Assert.Matches(@"GPIO5\s+29\s+scale DOUT", cli.Output);
        Assert.Matches(@"GPIO26\s+37\s+e-stop", cli.Output);
        Assert.Matches(@"GPIO17\s+11\s+gate fibre", cli.Output);
    }

    [Fact]
    public async Task Pins_Conflict_MarkedAndExitsTwo()
    {
        using var cli = new CliRun("""
            "Trigger": { "Pin": 26 }
            """);

        Assert.Equal(2, await cli.RunAsync("pins"));
        Assert.Contains("CONFLICT", cli.Output);
    }

    [Fact]
    public async Task Tare_Yes_ZeroesAndWritesZeroCounts()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Folder, "out.json");

        Assert.Equal(0, await cli.RunAsync("tare", "--yes", "--samples", "3", "--write", file));
        Assert.Contains("net reading after tare: 0.000 kg", cli.Output);
        Assert.Equal(8400, Scale(file).GetProperty("ZeroCounts").GetDouble());
    }

    [Fact]
    public async Task CalibrateScale_KnownMass_WritesFactorIntoNamedFile()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Folder, "sortstation.json");
        File.WriteAllText(file, """{ "Station": { "Id": "line-2" } }""");

        Assert.Equal(0, await cli.RunAsync("calibrate-scale", "--known-mass", "0.500kg", "--yes", "--samples", "3", "--write", file));

        Assert.Contains("420000.0 counts/kg", cli.Output);
        Assert.Equal(420_000, Scale(file).GetProperty("CountsPerKilogram").GetDouble(), 3);
        Assert.Contains("line-2", File.ReadAllText(file)); // other keys kept
    }

    [Fact]
    public async Task CalibrateScale_WriteFileCannotBeCreated_RefusedBeforeMeasuring()
    {
        using var cli = new CliRun();
        var blocker = Path.Combine(cli.Folder, "a-file");
        File.WriteAllText(blocker, "not a directory");

        Assert.Equal(1, await cli.RunAsync("calibrate-scale", "--known-mass", "0.500kg", "--yes", "--samples", "3", "--write", Path.Combine(blocker, "sortstation.json")));

        Assert.Contains("Nothing was measured", cli.Error);
        Assert.DoesNotContain("Step 1/2", cli.Output);
    }

    [Fact]
    public async Task CalibrateScale_NotAMass_IsRejectedByTheParser()
    {
        using var cli = new CliRun();

        Assert.NotEqual(0, await cli.RunAsync("calibrate-scale", "--known-mass", "heavy", "--yes"));
    }

    [Fact]
    public async Task TestGate_Bin_FiresTimesAndEndsSafe()
    {
        using var cli = new CliRun();

        Assert.Equal(0, await cli.RunAsync("test-gate", "glass", "--times", "2", "--interval-ms", "0", "--yes"));
        Assert.Contains("fire 2/2", cli.Output);
        Assert.Contains("back in its safe state", cli.Output);
    }

    [Fact]
    public async Task TestGate_PassiveBin_ExitsTwo()
    {
        using var cli = new CliRun();

        Assert.Equal(2, await cli.RunAsync("test-gate", "reject", "--yes"));
        Assert.Contains("has no gate", cli.Error);
    }

    [Fact]
    public async Task Snapshot_Out_WritesImage()
    {
        using var cli = new CliRun();
        var file = Path.Combine(cli.Folder, "snap.png");

        Assert.Equal(0, await cli.RunAsync("snapshot", "--out", file));
        Assert.True(new FileInfo(file).Length > 1000);
        Assert.Contains("640x480", cli.Output);
    }

    [Fact]
    public async Task Snapshot_RaspberryReplayingRecordedVideo_WritesFrameThroughStreamingCamera()
    {
        using var cli = new CliRun();
        var video = Path.Combine(cli.Folder, "run.avi");
        using (var writer = new OpenCvSharp.VideoWriter(video, OpenCvSharp.FourCC.MJPG, 10, new OpenCvSharp.Size(320, 240)))
        {
            for (var i = 0; i < 5; i++)
            {
                using var mat = new OpenCvSharp.Mat(240, 320, OpenCvSharp.MatType.CV_8UC3, new OpenCvSharp.Scalar(40 * i, 90, 160));
                writer.Write(mat);
            }
        }

        using var raspberry = new CliRun($$"""
            "Station": { "Hardware": "Raspberry" }, "Camera": { "ReplayFile": "{{video}}" }
            """);
        var file = Path.Combine(cli.Folder, "replay.jpg");

        Assert.Equal(0, await raspberry.RunAsync("snapshot", "--out", file));
        Assert.Contains("320x240", raspberry.Output);
        Assert.True(File.Exists(file));
    }

    private static JsonElement Scale(string file) => JsonDocument.Parse(File.ReadAllText(file)).RootElement.GetProperty("Scale");
}
