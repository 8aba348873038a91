using System.Text.Json;
using SortStation.Hardware.Scale;

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
    public async Task Tare_Save_ZeroesAndStoresZeroInTheCalibrationFile()
    {
        using var calibration = new CalibrationFolder();
        using var cli = new CliRun(calibration.Json);

        Assert.Equal(0, await cli.RunAsync("tare", "--yes", "--samples", "3", "--save"));
        Assert.Contains("net reading after tare: 0.000 kg", cli.Output);
        Assert.Equal(8400, ScaleCalibrationFile.Read(calibration.File)!.ZeroCounts);
    }

    [Fact]
    public async Task CalibrateScale_KnownMass_WritesTheCalibrationFileAndLeavesTheConfigAlone()
    {
        using var calibration = new CalibrationFolder();
        using var cli = new CliRun(calibration.Json);
        var config = File.ReadAllText(cli.ConfigFile);

        Assert.Equal(0, await cli.RunAsync("calibrate-scale", "--known-mass", "0.500kg", "--yes", "--samples", "3"));

        Assert.Contains("420000.0 counts/kg", cli.Output);
        var record = ScaleCalibrationFile.Read(calibration.File)!;
        Assert.Equal(420_000, record.CountsPerKilogram, 3);
        Assert.Equal(0.5, record.KnownMassKilograms);
        Assert.Equal(config, File.ReadAllText(cli.ConfigFile));
    }

    [Fact]
    public async Task CalibrateScale_DryRun_WritesNothing()
    {
        using var calibration = new CalibrationFolder();
        using var cli = new CliRun(calibration.Json);

        Assert.Equal(0, await cli.RunAsync("calibrate-scale", "--known-mass", "0.500kg", "--yes", "--samples", "3", "--dry-run"));

        Assert.Contains("Not written (--dry-run)", cli.Output);
        Assert.False(File.Exists(calibration.File));
    }

    [Fact]
    public async Task CalibrateScale_CalibrationFileCannotBeCreated_RefusedBeforeMeasuring()
    {
        using var calibration = new CalibrationFolder();
        var blocker = Path.Combine(calibration.Folder, "a-file");
        File.WriteAllText(blocker, "not a directory");
        using var cli = new CliRun(CalibrationFolder.JsonFor(Path.Combine(blocker, "scale-calibration.json")));

        Assert.Equal(1, await cli.RunAsync("calibrate-scale", "--known-mass", "0.500kg", "--yes", "--samples", "3"));

        Assert.Contains("Nothing was measured", cli.Error);
        Assert.DoesNotContain("Step 1/2", cli.Output);
    }

    [Fact]
    public async Task CheckConfig_DamagedCalibrationFile_ExitsTwoNamingTheKey()
    {
        using var calibration = new CalibrationFolder();
        File.WriteAllText(calibration.File, "{ \"countsPerKilogram\": ");
        using var cli = new CliRun(calibration.Json).WithShippedModel();

        Assert.Equal(2, await cli.RunAsync("check-config"));

        Assert.Contains("Scale:CalibrationFile", cli.Error);
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
        // The simulator's drawn frames (640x480); by default it replays samples/, photos of their own size.
        using var cli = new CliRun("""
            "Simulation": { "SyntheticFrames": true }
            """);
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
            "Station": { "Hardware": "Raspberry" }, "Camera": { "ReplayFile": "{{video}}", "FrameTimeoutMilliseconds": 15000 }
            """);
        var file = Path.Combine(cli.Folder, "replay.jpg");

        // A deadline, not a wait: the first decoded frame can take over the default second on a busy CI machine.
        var exit = await raspberry.RunAsync("snapshot", "--out", file);
        Assert.True(exit == 0, $"exit {exit}: {raspberry.Error}");
        Assert.Contains("320x240", raspberry.Output);
        Assert.True(File.Exists(file));
    }
}
