using SortStation.Core.Options;
using SortStation.Core.Tests.Support;

namespace SortStation.Core.Tests.Options;

/// <summary>One test per layout rule: each names the key, the value and the fix.</summary>
public sealed class BeltLayoutValidatorTests
{
    private readonly BeltLayout _layout = new() { Sorting = TestSorting.Options(), Belt = new BeltOptions { SpeedMetersPerSecond = 0.5 } };

    [Fact]
    public void Validate_TestLayout_Succeeds()
    {
        Assert.True(Validate().Succeeded);
    }

    [Fact]
    public void Validate_GateReachedBeforeTheBudgetAndLead_FailsWithDistanceSpeedAndBudgetFixes()
    {
        // The layout: a gate 0.01 m from the camera on a 10 m/s belt.
        _layout.Belt.SpeedMetersPerSecond = 10;
        _layout.Sorting.Bins["fibre"].DistanceMeters = 0.01;
        _layout.Belt.GateLeadMilliseconds = 20;

        var failures = Validate().Failures!;

        var fibre = Assert.Single(failures, f => f.StartsWith("Sorting:Bins:fibre:DistanceMeters = 0.01:", StringComparison.Ordinal));
        Assert.Contains("reaches this gate 1 ms after the camera", fibre, StringComparison.Ordinal);
        Assert.Contains("ClassificationBudgetMilliseconds 300 + Belt:GateLeadMilliseconds 20 = 320 ms", fibre, StringComparison.Ordinal);
        Assert.Contains("Fix: move the gate at least 3.2 m from the camera line, slow the belt to at most 0.031 m/s", fibre, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GateJustFarEnough_Succeeds()
    {
        _layout.Sorting.Bins["fibre"].DistanceMeters = 0.15; // 300 ms at 0.5 m/s: exactly the budget

        Assert.True(Validate().Succeeded);
    }

    [Fact]
    public void Validate_ItemInFrontOfThePaddleTooBrieflyForTheClock_FailsNamingGateWidth()
    {
        _layout.Sorting.Bins["glass"].GateWidthMeters = 0.001; // 2 ms at 0.5 m/s

        var failure = Assert.Single(Validate().Failures!);
        Assert.StartsWith("Sorting:Bins:glass:GateWidthMeters = 0.001: at 0.5 m/s an item is in front of this paddle for only 2.0 ms", failure, StringComparison.Ordinal);
        Assert.Contains("Fix: measure the paddle width along the belt (at least 0.003 m at this speed), or set Belt:MaxLateMilliseconds.", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NarrowPaddleWithMaxLateSet_Succeeds()
    {
        _layout.Sorting.Bins["glass"].GateWidthMeters = 0.001;
        _layout.Belt.MaxLateMilliseconds = 30;

        Assert.True(Validate().Succeeded);
    }

    [Fact]
    public void Validate_GateBeyondWhatAStopServes_FailsNamingDistance()
    {
        _layout.Sorting.Bins["glass"].DistanceMeters = 7; // 14 s at 0.5 m/s
        _layout.Sorting.Bins["reject"].DistanceMeters = 8;

        var failure = Assert.Single(Validate().Failures!);
        Assert.StartsWith("Sorting:Bins:glass:DistanceMeters = 7: an item reaches this gate 14.0 s after the camera; on a stop", failure, StringComparison.Ordinal);
        Assert.Contains("Fix: check the distance and Belt:SpeedMetersPerSecond", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BeltSpeedInvalid_LeftToTheBeltRule()
    {
        _layout.Belt.SpeedMetersPerSecond = 0;

        Assert.True(Validate().Succeeded);
    }

    private Microsoft.Extensions.Options.ValidateOptionsResult Validate() => new BeltLayoutValidator().Validate(null, _layout);
}
