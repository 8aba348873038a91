using SortStation.Core.Options;
using SortStation.Core.Tests.Support;

namespace SortStation.Core.Tests.Options;

public sealed class SortingOptionsValidatorTests
{
    private readonly SortingOptions _options = TestSorting.Options();

    [Fact]
    public void Validate_ShippedLayout_Succeeds()
    {
        Assert.True(Validate().Succeeded);
    }

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.5)]
    [InlineData(double.NaN)]
    public void Validate_MinConfidenceOutsideZeroToOne_FailsNamingKey(double value)
    {
        _options.MinConfidence = value;

        AssertSingleFailure("Sorting:MinConfidence");
    }

    [Fact]
    public void Validate_NoBins_Fails()
    {
        _options.Bins.Clear();
        _options.Routes.Clear();

        Assert.Contains(Validate().Failures!, f => f.StartsWith("Sorting:Bins = (not set): no bins", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_RejectBinUndefined_FailsWithKnownBins()
    {
        _options.RejectBin = "manual";

        var failure = AssertSingleFailure("Sorting:RejectBin");
        Assert.Contains("\"manual\"", failure, StringComparison.Ordinal);
        Assert.Contains("fibre, glass, reject", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_LabelRoutedToUndefinedBin_FailsNamingLabelBinAndFix()
    {
        _options.Routes["glass"] = "glas";

        var failure = AssertSingleFailure("Sorting:Routes:glass");
        Assert.Contains("= \"glas\"", failure, StringComparison.Ordinal);
        Assert.Contains("Fix: define Sorting:Bins:glas", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-0.4)]
    [InlineData(double.PositiveInfinity)]
    public void Validate_DistanceNotPositive_Fails(double distance)
    {
        _options.Bins["glass"].DistanceMeters = distance;

        AssertSingleFailure("Sorting:Bins:glass:DistanceMeters");
    }

    [Fact]
    public void Validate_GatedBinWithoutPin_Fails()
    {
        _options.Bins["glass"].Pin = null;

        AssertSingleFailure("Sorting:Bins:glass:Pin");
    }

    [Fact]
    public void Validate_PinOutsideHeader_Fails()
    {
        _options.Bins["glass"].Pin = 40;

        AssertSingleFailure("Sorting:Bins:glass:Pin");
    }

    [Fact]
    public void Validate_PulseOutOfRange_Fails()
    {
        _options.Bins["glass"].PulseMilliseconds = 1;

        AssertSingleFailure("Sorting:Bins:glass:PulseMilliseconds");
    }

    [Fact]
    public void Validate_TwoGatesOnOnePin_FailsNamingBoth()
    {
        _options.Bins["glass"].Pin = 17;

        var failure = AssertSingleFailure("Sorting:Bins:");
        Assert.Contains("GPIO 17 is used by several gates (fibre, glass)", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_PassiveBinsWithoutPins_DoNotConflict()
    {
        _options.Bins["overflow"] = new BinOptions { Gate = GateKind.None, DistanceMeters = 2 };

        Assert.True(Validate().Succeeded);
    }

    [Fact]
    public void Validate_EndOfBeltBinUndefined_FailsNamingKnownBins()
    {
        _options.EndOfBeltBin = "floor";

        var failure = AssertSingleFailure("Sorting:EndOfBeltBin = \"floor\": is not defined");
        Assert.Contains("one of: fibre, glass, reject", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_EndOfBeltBinHasAGate_Fails()
    {
        _options.EndOfBeltBin = "glass";

        AssertSingleFailure("Sorting:EndOfBeltBin = \"glass\": has a Solenoid gate");
    }

    [Fact]
    public void Validate_EndOfBeltBinBeforeTheLastGate_Fails()
    {
        _options.Bins["reject"].DistanceMeters = 0.6;

        var failure = AssertSingleFailure("Sorting:EndOfBeltBin = \"reject\": is 0.6 m from the camera, before the gate of 'glass' (0.8 m)");
        Assert.Contains("Fix: name the passive bin past the last gate", failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(5001)]
    public void Validate_ReleaseOutOfRange_Fails(int ms)
    {
        _options.Bins["glass"].ReleaseMilliseconds = ms;

        AssertSingleFailure("Sorting:Bins:glass:ReleaseMilliseconds");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2.5)]
    [InlineData(double.NaN)]
    public void Validate_GateWidthOutOfRange_Fails(double meters)
    {
        _options.Bins["glass"].GateWidthMeters = meters;

        AssertSingleFailure("Sorting:Bins:glass:GateWidthMeters");
    }

    [Fact]
    public void Validate_PassiveBinWithoutGateWidth_Passes()
    {
        _options.Bins["reject"].GateWidthMeters = 0;

        Assert.True(Validate().Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(60_001)]
    public void Validate_ClassificationBudgetOutOfRange_Fails(int ms)
    {
        _options.ClassificationBudgetMilliseconds = ms;

        AssertSingleFailure("Sorting:ClassificationBudgetMilliseconds");
    }

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate() => new SortingOptionsValidator().Validate(null, _options);

    private string AssertSingleFailure(string keyPrefix)
    {
        var result = Validate();
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.StartsWith(keyPrefix, failure, StringComparison.Ordinal);
        Assert.Contains("Fix:", failure, StringComparison.Ordinal);
        return failure;
    }
}
