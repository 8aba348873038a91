using Microsoft.Extensions.Options;
using SortStation.Core.Options;

namespace SortStation.Core.Tests.Options;

public sealed class OtherOptionsValidatorTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(-0.5)]
    [InlineData(11)]
    public void Belt_SpeedNotPositiveOrAbsurd_Fails(double speed)
    {
        AssertFails(new BeltOptionsValidator().Validate(null, new BeltOptions { SpeedMetersPerSecond = speed }), "Belt:SpeedMetersPerSecond");
    }

    [Fact]
    public void Belt_LeadNegative_Fails()
    {
        AssertFails(new BeltOptionsValidator().Validate(null, new BeltOptions { GateLeadMilliseconds = -1 }), "Belt:GateLeadMilliseconds");
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5001)]
    public void Belt_MaxLateOutOfRange_Fails(int ms)
    {
        AssertFails(new BeltOptionsValidator().Validate(null, new BeltOptions { MaxLateMilliseconds = ms }), "Belt:MaxLateMilliseconds");
    }

    [Fact]
    public void Belt_MaxLateUnset_DerivedPerGateAndValid()
    {
        Assert.True(new BeltOptionsValidator().Validate(null, new BeltOptions { MaxLateMilliseconds = null }).Succeeded);
    }

    [Theory]
    [InlineData("")]
    [InlineData("line/1")]
    [InlineData("a+b")]
    public void Station_IdNotTopicSafe_Fails(string id)
    {
        AssertFails(new StationOptionsValidator().Validate(null, new StationOptions { Id = id }), "Station:Id");
    }

    [Fact]
    public void Station_UndefinedHardwareMode_Fails()
    {
        AssertFails(new StationOptionsValidator().Validate(null, new StationOptions { Hardware = (HardwareMode)99 }), "Station:Hardware");
    }

    [Theory]
    [InlineData("idr")]
    [InlineData("RUPIAH")]
    public void Pricing_CurrencyNotIso_Fails(string currency)
    {
        AssertFails(new PricingOptionsValidator().Validate(null, new PricingOptions { Currency = currency }), "Pricing:Currency");
    }

    [Fact]
    public void Pricing_DecimalsOutOfRange_Fails()
    {
        AssertFails(new PricingOptionsValidator().Validate(null, new PricingOptions { Decimals = 7 }), "Pricing:Decimals");
    }

    [Fact]
    public void Pricing_NegativePrice_FailsNamingLabel()
    {
        var options = new PricingOptions { PerKg = new() { ["glass"] = -1m } };

        AssertFails(new PricingOptionsValidator().Validate(null, options), "Pricing:PerKg:glass");
    }

    [Fact]
    public void Model_FileMissing_FailsNamingPath()
    {
        var result = new ModelOptionsValidator().Validate(null, new ModelOptions { Path = "models/none/model.onnx" });

        Assert.Contains("\"models/none/model.onnx\"", AssertFails(result, "Model:Path"), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_MetadataPathMissing_Fails()
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator().Validate(null, new ModelOptions { Path = model.Path, MetadataPath = "/nonexistent/metadata.json" }), "Model:MetadataPath");
    }

    [Fact]
    public void Model_LabelsPathMissing_Fails()
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator().Validate(null, new ModelOptions { Path = model.Path, LabelsPath = "/nonexistent/labels.txt" }), "Model:LabelsPath");
    }

    [Fact]
    public void Model_ThreadsZero_Fails()
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator().Validate(null, new ModelOptions { Path = model.Path, IntraOpThreads = 0 }), "Model:IntraOpThreads");
    }

    [Fact]
    public void Model_TopKZero_Fails()
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator().Validate(null, new ModelOptions { Path = model.Path, TopK = 0 }), "Model:TopK");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(600_000_000)] // 1.8 GB decoded: above what one frame array holds safely
    public void Model_MaxImagePixelsOutOfRange_Fails(long pixels)
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator().Validate(null, new ModelOptions { Path = model.Path, MaxImagePixels = pixels }), "Model:MaxImagePixels");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    public void Model_WorkersOutOfRange_Fails(int workers)
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator(processorCount: 64).Validate(null, new ModelOptions { Path = model.Path, Workers = workers, IntraOpThreads = 1 }), "Model:Workers");
    }

    [Fact]
    public void Model_WorkersTimesThreadsAboveCores_FailsWithBothFixes()
    {
        using var model = new TempFile();

        var failure = AssertFails(new ModelOptionsValidator(processorCount: 2).Validate(null, new ModelOptions { Path = model.Path, Workers = 2, IntraOpThreads = 2 }), "Model:Workers");

        Assert.Contains("exceed the 2 cores", failure, StringComparison.Ordinal);
        Assert.Contains("Model:IntraOpThreads to 1", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_TwoWorkersOfOneThreadOnTwoCores_Passes()
    {
        using var model = new TempFile();
        Assert.True(new ModelOptionsValidator(processorCount: 2).Validate(null, new ModelOptions { Path = model.Path, Workers = 2, IntraOpThreads = 1 }).Succeeded);
    }

    [Fact]
    public void Model_AutoOnTwoCores_Passes()
    {
        using var model = new TempFile();
        Assert.True(new ModelOptionsValidator(processorCount: 2).Validate(null, new ModelOptions { Path = model.Path }).Succeeded);
    }

    [Fact]
    public void Model_WorkersZero_FailsAsNotAuto()
    {
        using var model = new TempFile();
        Assert.Contains("must be auto or between 1", AssertFails(new ModelOptionsValidator(processorCount: 2).Validate(null, new ModelOptions { Path = model.Path, Workers = 0 }), "Model:Workers"), StringComparison.Ordinal);
    }

    [Fact]
    public void Model_TwoWorkersSetThreadsAutoOnTwoCores_PassesAsTwoByOne()
    {
        using var model = new TempFile();
        Assert.True(new ModelOptionsValidator(processorCount: 2).Validate(null, new ModelOptions { Path = model.Path, Workers = 2 }).Succeeded);
    }

    [Fact]
    public void Model_AffinitiesForOneThreadAtTwoThreads_Passes()
    {
        using var model = new TempFile();
        Assert.True(new ModelOptionsValidator(processorCount: 4).Validate(null, new ModelOptions { Path = model.Path, IntraOpThreads = 3, IntraOpThreadAffinities = "2;3-4" }).Succeeded);
    }

    [Fact]
    public void Model_AffinitiesWrongCount_FailsWithExample()
    {
        using var model = new TempFile();

        var failure = AssertFails(new ModelOptionsValidator(processorCount: 2).Validate(null, new ModelOptions { Path = model.Path, IntraOpThreads = 2, IntraOpThreadAffinities = "1;2" }), "Model:IntraOpThreadAffinities");

        Assert.Contains("ONNX Runtime starts 1", failure, StringComparison.Ordinal);
        Assert.Contains("\"2\"", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("2-1")]
    [InlineData("x")]
    public void Model_AffinityNotAProcessor_Fails(string affinities)
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator(processorCount: 2).Validate(null, new ModelOptions { Path = model.Path, IntraOpThreads = 2, IntraOpThreadAffinities = affinities }), "Model:IntraOpThreadAffinities");
    }

    [Fact]
    public void Model_UndefinedExecutionMode_Fails()
    {
        using var model = new TempFile();
        AssertFails(new ModelOptionsValidator().Validate(null, new ModelOptions { Path = model.Path, ExecutionMode = (ModelExecutionMode)7 }), "Model:ExecutionMode");
    }

    private static string AssertFails(ValidateOptionsResult result, string key)
    {
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(key + " = ", failure, StringComparison.Ordinal);
        Assert.Contains("Fix:", failure, StringComparison.Ordinal);
        return failure;
    }

    private sealed class TempFile : IDisposable
    {
        public string Path { get; } = System.IO.Path.GetTempFileName();

        public void Dispose() => File.Delete(Path);
    }
}
