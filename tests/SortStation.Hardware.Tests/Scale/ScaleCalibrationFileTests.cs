using SortStation.Hardware.Options;
using SortStation.Hardware.Scale;
using SortStation.Hardware.Tests.Support;

namespace SortStation.Hardware.Tests.Scale;

/// <summary>The calibration file calibrate-scale owns: atomic writes, file over configuration, clear errors.</summary>
public sealed class ScaleCalibrationFileTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("sortstation-calibration-").FullName;

    private string File_ => Path.Combine(_folder, "scale-calibration.json");

    [Fact]
    public void Write_ThenRead_RoundTrips()
    {
        ScaleCalibrationFile.Write(File_, Record(410_000.5, 8_100));

        Assert.Equal(Record(410_000.5, 8_100), ScaleCalibrationFile.Read(File_));
    }

    [Fact]
    public void Read_NoFile_IsNull() => Assert.Null(ScaleCalibrationFile.Read(File_));

    [Fact]
    public void Write_FailsHalfway_OldFileIntactAndNoTemporaryLeft()
    {
        ScaleCalibrationFile.Write(File_, Record(410_000, 8_100));
        var before = File.ReadAllBytes(File_);

        // NaN is refused by the serializer after the first members are written: a direct write would leave half a file.
        Assert.ThrowsAny<Exception>(() => ScaleCalibrationFile.Write(File_, Record(420_000, 8_400) with { KnownMassKilograms = double.NaN }));

        Assert.Equal(before, File.ReadAllBytes(File_));
        Assert.Equal([File_], Directory.GetFiles(_folder));
    }

    [Theory]
    [InlineData("{ \"schema\": \"sortstation.scale-calibration/1\", \"countsPerKilogram\": ")]
    [InlineData("{ \"schema\": \"sortstation.scale-calibration/1\", \"countsPerKilogram\": 0, \"zeroCounts\": 1, \"calibratedAt\": \"2026-12-03T09:00:00Z\" }")]
    [InlineData("{ \"schema\": \"other/9\", \"countsPerKilogram\": 420000, \"zeroCounts\": 1, \"calibratedAt\": \"2026-12-03T09:00:00Z\" }")]
    [InlineData("")]
    public void Read_DamagedFile_ThrowsNamingTheFile(string text)
    {
        File.WriteAllText(File_, text);

        var error = Assert.Throws<InvalidDataException>(() => ScaleCalibrationFile.Read(File_));

        Assert.Contains(File_, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hx711Scale_FileAndConfig_FileWins()
    {
        ScaleCalibrationFile.Write(File_, Record(200_000, 1_000));
        using var t = new TestScale(new ScaleOptions { CalibrationFile = File_, CountsPerKilogram = 100_000, ZeroCounts = 0, WindowSamples = 3, ZeroTrackingGrams = 0 });

        Assert.Equal(200_000, t.Scale.CountsPerKilogram);
        Assert.Equal(1_000, t.Scale.ZeroCounts);
        t.Chip.Steady = 201_000; // 1 kg at 200000 counts/kg above a zero of 1000
        Assert.Equal(1.0, (await t.Scale.ReadAsync()).Kilograms, 3);
    }

    [Fact]
    public void Hx711Scale_NoFile_FallsBackToConfig()
    {
        using var t = new TestScale(new ScaleOptions { CalibrationFile = File_, CountsPerKilogram = 123_456, ZeroCounts = 77 });

        Assert.Equal(123_456, t.Scale.CountsPerKilogram);
        Assert.Equal(77, t.Scale.ZeroCounts);
    }

    [Fact]
    public void Validate_DamagedFile_FailsNamingKeyAndFix()
    {
        File.WriteAllText(File_, "not json");

        var result = new ScaleOptionsValidator().Validate(null, new ScaleOptions { CalibrationFile = File_ });

        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith($"Scale:CalibrationFile = \"{File_}\": cannot be used", failure, StringComparison.Ordinal);
        Assert.Contains("calibrate-scale", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scale-calibration.json")]
    [InlineData("/var/lib/sortstation/scale-calibration.txt")]
    [InlineData("")]
    public void Validate_NotAnAbsoluteJsonPath_Fails(string path)
    {
        var result = new ScaleOptionsValidator().Validate(null, new ScaleOptions { CalibrationFile = path });

        Assert.Contains(result.Failures!, f => f.StartsWith("Scale:CalibrationFile", StringComparison.Ordinal) && f.Contains("absolute path", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_NoFileYet_Passes() =>
        Assert.True(new ScaleOptionsValidator().Validate(null, new ScaleOptions { CalibrationFile = File_ }).Succeeded);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static ScaleCalibrationRecord Record(double factor, double zero) =>
        new(ScaleCalibrationRecord.CurrentSchema, factor, zero, At, 0.5);
}
