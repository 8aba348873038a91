using Microsoft.Extensions.Options;
using SortStation.Core.Options;
using SortStation.Hardware.Options;

namespace SortStation.Hardware.Tests.Options;

/// <summary>One test per rule: each bad value fails with its key in the message.</summary>
public sealed class HardwareOptionsValidatorTests
{
    [Fact]
    public void Defaults_AllSections_Pass()
    {
        Assert.True(new ScaleOptionsValidator().Validate(null, new ScaleOptions()).Succeeded);
        Assert.True(new TriggerOptionsValidator().Validate(null, new TriggerOptions()).Succeeded);
        Assert.True(new EStopOptionsValidator().Validate(null, new EStopOptions()).Succeeded);
        Assert.True(new CameraOptionsValidator().Validate(null, new CameraOptions()).Succeeded);
        Assert.True(new HardwareLayoutValidator().Validate(null, Layout()).Succeeded);
    }

    [Theory]
    [InlineData(28, "Scale:DataPin")]
    [InlineData(-1, "Scale:DataPin")]
    public void Scale_DataPinOffHeader_Fails(int pin, string key) => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { DataPin = pin }), key);

    [Fact]
    public void Scale_ClockPinOffHeader_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { ClockPin = 40 }), "Scale:ClockPin");

    [Fact]
    public void Scale_DataAndClockSamePin_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { DataPin = 5, ClockPin = 5 }), "Scale:ClockPin");

    [Fact]
    public void Scale_UnknownGain_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { Gain = (ScaleGain)9 }), "Scale:Gain");

    [Fact]
    public void Scale_ZeroFactor_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { CountsPerKilogram = 0 }), "calibrate-scale");

    [Fact]
    public void Scale_WindowOutOfRange_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { WindowSamples = 0 }), "Scale:WindowSamples");

    [Fact]
    public void Scale_ZeroTolerance_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { StableToleranceGrams = 0 }), "Scale:StableToleranceGrams");

    [Fact]
    public void Scale_SettleTimeoutOutOfRange_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { SettleTimeoutMilliseconds = 50 }), "Scale:SettleTimeoutMilliseconds");

    [Fact]
    public void Scale_ZeroTrackingBandTooWide_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { ZeroTrackingGrams = 50 }), "Scale:ZeroTrackingGrams");

    [Fact]
    public void Scale_NoCapacity_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { CapacityKilograms = 0 }), "Scale:CapacityKilograms");

    [Fact]
    public void Scale_ReadTimeoutOutOfRange_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { ReadTimeoutMilliseconds = 5 }), "Scale:ReadTimeoutMilliseconds");

    [Fact]
    public void Scale_TareSamplesOutOfRange_Fails() => AssertFails(new ScaleOptionsValidator().Validate(null, new ScaleOptions { TareSamples = 0 }), "Scale:TareSamples");

    [Fact]
    public void Trigger_UnknownKind_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { Kind = (TriggerKind)7 }), "Trigger:Kind");

    [Fact]
    public void Trigger_PhotoEyePinOffHeader_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { Pin = 30 }), "Trigger:Pin");

    [Fact]
    public void Trigger_MotionKind_PinNotChecked() => Assert.True(new TriggerOptionsValidator().Validate(null, new TriggerOptions { Kind = TriggerKind.Motion, Pin = 99 }).Succeeded);

    [Fact]
    public void Trigger_DebounceOutOfRange_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { DebounceMilliseconds = -1 }), "Trigger:DebounceMilliseconds");

    [Fact]
    public void Trigger_NoLoadThreshold_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { LoadThresholdGrams = 0 }), "Trigger:LoadThresholdGrams");

    [Fact]
    public void Trigger_RoiOutsideFrame_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { RoiLeft = 0.8, RoiWidth = 0.5 }), "Trigger:RoiLeft");

    [Fact]
    public void Trigger_MotionThresholdOutOfRange_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { MotionThreshold = 300 }), "Trigger:MotionThreshold");

    [Fact]
    public void Trigger_RearmOutOfRange_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { RearmMilliseconds = 20_000 }), "Trigger:RearmMilliseconds");

    [Fact]
    public void EStop_PinOffHeader_Fails() => AssertFails(new EStopOptionsValidator().Validate(null, new EStopOptions { Pin = 31 }), "EStop:Pin");

    [Fact]
    public void EStop_Disabled_PinNotChecked() => Assert.True(new EStopOptionsValidator().Validate(null, new EStopOptions { Enabled = false, Pin = 99 }).Succeeded);

    [Fact]
    public void EStop_ReleaseOutOfRange_Fails() => AssertFails(new EStopOptionsValidator().Validate(null, new EStopOptions { ReleaseMilliseconds = -5 }), "EStop:ReleaseMilliseconds");

    [Fact]
    public void Camera_NoDevice_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { Device = " " }), "Camera:Device");

    [Fact]
    public void Camera_MissingReplayFile_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { ReplayFile = "/nonexistent/run.mp4" }), "Camera:ReplayFile");

    [Fact]
    public void Camera_SizeOutOfRange_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { Width = 10 }), "Camera:Width");

    [Fact]
    public void Camera_FpsOutOfRange_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { Fps = 0 }), "Camera:Fps");

    [Fact]
    public void Camera_NonPositiveExposure_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { Exposure = 0 }), "Camera:Exposure");

    [Fact]
    public void Camera_WhiteBalanceOutOfRange_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { WhiteBalanceKelvin = 100 }), "Camera:WhiteBalanceKelvin");

    [Fact]
    public void Camera_FrameTimeoutOutOfRange_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { FrameTimeoutMilliseconds = 10 }), "Camera:FrameTimeoutMilliseconds");

    [Fact]
    public void Camera_ReconnectMaxBelowMin_Fails() => AssertFails(new CameraOptionsValidator().Validate(null, new CameraOptions { ReconnectMinMilliseconds = 500, ReconnectMaxMilliseconds = 100 }), "Camera:ReconnectMinMilliseconds");

    [Fact]
    public void Layout_ScaleDoutOnGatePin_Fails()
    {
        var layout = Layout();
        layout.Scale.DataPin = 17;

        AssertFails(new HardwareLayoutValidator().Validate(null, layout), "GPIO 17 is claimed by several functions: gate fibre (Sorting:Bins:fibre:Pin), scale DOUT (Scale:DataPin)");
    }

    [Fact]
    public void Layout_PhotoEyeOnEStopPin_Fails()
    {
        var layout = Layout();
        layout.Trigger.Pin = 26;

        AssertFails(new HardwareLayoutValidator().Validate(null, layout), "photo-eye");
    }

    [Fact]
    public void Layout_PhotoEyePinUnusedByMotionTrigger_Passes()
    {
        var layout = Layout();
        layout.Trigger.Kind = TriggerKind.Motion;
        layout.Trigger.Pin = 26;

        Assert.True(new HardwareLayoutValidator().Validate(null, layout).Succeeded);
    }

    [Fact]
    public void Layout_TwoGatesOnePin_LeftToSortingRules()
    {
        var layout = Layout();
        layout.Sorting.Bins["glass"].Pin = 17;

        Assert.True(new HardwareLayoutValidator().Validate(null, layout).Succeeded);
        AssertFails(new SortingOptionsValidator().Validate(null, layout.Sorting), "used by several gates");
    }

    [Fact]
    public void Bin_ServoAngleOutOfRange_Fails()
    {
        var sorting = Layout().Sorting;
        sorting.Bins["glass"].Gate = GateKind.Servo;
        sorting.Bins["glass"].ActiveDegrees = 200;

        AssertFails(new SortingOptionsValidator().Validate(null, sorting), "Sorting:Bins:glass:ActiveDegrees");
    }

    [Fact]
    public void Bin_ServoRestEqualsActive_Fails()
    {
        var sorting = Layout().Sorting;
        sorting.Bins["glass"].Gate = GateKind.Servo;
        sorting.Bins["glass"].RestDegrees = 90;
        sorting.Bins["glass"].ActiveDegrees = 92;

        AssertFails(new SortingOptionsValidator().Validate(null, sorting), "would not move");
    }

    [Fact]
    public void Trigger_MinSpacingOutOfRange_Fails() => AssertFails(new TriggerOptionsValidator().Validate(null, new TriggerOptions { MinSpacingMilliseconds = 0 }), "Trigger:MinSpacingMilliseconds = 0");

    [Fact]
    public void Layout_PulsePlusReleaseNotShorterThanTriggerSpacing_FailsNamingKeyValueAndFix()
    {
        var layout = Layout();
        layout.Sorting.Bins["glass"].PulseMilliseconds = 5000;

        var result = new HardwareLayoutValidator().Validate(null, layout);

        AssertFails(result, "Sorting:Bins:glass:PulseMilliseconds = 5000: pulse 5000 + ReleaseMilliseconds 20 = 5020 ms is not shorter than the 150 ms the trigger allows");
        AssertFails(result, "Fix: shorten the pulse to under 130 ms");
        Assert.Single(result.Failures!);
    }

    [Fact]
    public void Layout_DebounceLongerThanMinSpacing_SpacingIsTheDebounce()
    {
        var layout = Layout();
        layout.Trigger.DebounceMilliseconds = 400;
        layout.Sorting.Bins["glass"].PulseMilliseconds = 300;

        Assert.True(new HardwareLayoutValidator().Validate(null, layout).Succeeded); // 320 ms < 400 ms between items
    }

    private static HardwareLayout Layout() => new()
    {
        Sorting = new SortingOptions
        {
            RejectBin = "reject",
            Bins = new(StringComparer.OrdinalIgnoreCase)
            {
                ["fibre"] = new BinOptions { Gate = GateKind.Solenoid, Pin = 17, DistanceMeters = 0.4 },
                ["glass"] = new BinOptions { Gate = GateKind.Solenoid, Pin = 27, DistanceMeters = 0.65 },
                ["reject"] = new BinOptions { Gate = GateKind.None, DistanceMeters = 1.6 },
            },
        },
    };

    private static void AssertFails(ValidateOptionsResult result, string expected)
    {
        Assert.True(result.Failed, "expected a failure");
        Assert.Contains(result.Failures!, f => f.Contains(expected, StringComparison.Ordinal) && f.Contains("Fix:", StringComparison.Ordinal));
    }
}
