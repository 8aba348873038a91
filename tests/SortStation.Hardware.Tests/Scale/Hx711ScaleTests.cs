using SortStation.Core.Devices;
using SortStation.Core.Units;
using SortStation.Hardware.Options;
using SortStation.Hardware.Tests.Support;

namespace SortStation.Hardware.Tests.Scale;

/// <summary>The scale through the real Iot.Device.Hx711 code path, against a fake HX711 on two GPIOs.</summary>
public sealed class Hx711ScaleTests
{
    [Fact]
    public async Task ReadCountsAsync_NegativeSample_DecodesTwosComplement()
    {
        using var t = new TestScale();
        t.Chip.Enqueue(-12_345);

        Assert.Equal(-12_345, await t.Scale.ReadCountsAsync(1));
    }

    [Fact]
    public async Task ReadCountsAsync_PositiveSample_DecodesMsbFirst()
    {
        using var t = new TestScale();
        t.Chip.Enqueue(0x3A5C71);

        Assert.Equal(0x3A5C71, await t.Scale.ReadCountsAsync(1));
    }

    [Theory]
    [InlineData(ScaleGain.A128, 25)]
    [InlineData(ScaleGain.B32, 26)]
    [InlineData(ScaleGain.A64, 27)]
    public async Task ReadCountsAsync_Gain_SendsDatasheetPulseCount(ScaleGain gain, int pulses)
    {
        using var t = new TestScale(new ScaleOptions { Gain = gain });

        await t.Scale.ReadCountsAsync(2);
        await t.Scale.ReadCountsAsync(1); // the poll before this read completes the previous read's count

        Assert.All(t.Chip.PulsesPerRead, n => Assert.Equal(pulses, n));
    }

    [Fact]
    public async Task ReadCountsAsync_GainOtherThanA128_DiscardsFirstSampleAfterPowerUp()
    {
        using var t = new TestScale(new ScaleOptions { Gain = ScaleGain.B32 });
        t.Chip.Enqueue(999_999, 1_000); // the first conversion is still channel A gain 128

        Assert.Equal(1_000, await t.Scale.ReadCountsAsync(1));
    }

    [Fact]
    public async Task ReadAsync_KnownLoadAfterTare_ReturnsCalibratedNetMass()
    {
        using var t = new TestScale();
        t.Chip.Steady = 8_000;
        await t.Scale.TareAsync(5);
        t.Chip.Steady = 8_000 + 35_000; // 0.35 kg at 100 000 counts/kg

        var mass = await t.Scale.ReadAsync();

        Assert.Equal(0.35, mass.Kilograms, 6);
        Assert.Equal(DeviceState.Online, t.Scale.State);
    }

    [Fact]
    public async Task TareAsync_LoadOnScale_NextReadIsZero()
    {
        using var t = new TestScale();
        t.Chip.Steady = 52_000;

        var zero = await t.Scale.TareAsync(5);

        Assert.Equal(52_000, zero);
        Assert.Equal(Mass.Zero, await t.Scale.ReadAsync());
    }

    [Fact]
    public async Task ReadAsync_SingleSpike_MedianIgnoresIt()
    {
        using var t = new TestScale();
        t.Chip.Enqueue(10_000, 10_000, 900_000, 10_000, 10_000, 10_000, 10_000);
        t.Chip.Steady = 10_000;

        Assert.Equal(0.1, (await t.Scale.ReadAsync()).Kilograms, 6);
    }

    [Fact]
    public async Task ReadAsync_NeverSettles_ThrowsFaultInsteadOfAGuess()
    {
        using var t = new TestScale();
        t.Chip.Enqueue([.. Enumerable.Range(0, 100).Select(i => i % 2 == 0 ? 10_000 : 30_000)]);

        var fault = await Assert.ThrowsAsync<DeviceFaultException>(async () => await t.Scale.ReadAsync());
        Assert.Contains("did not settle", fault.Message);
        Assert.Equal(DeviceState.Faulted, t.Scale.State);
    }

    [Fact]
    public async Task ReadAsync_DoutStaysHigh_ThrowsReadTimeout()
    {
        using var t = new TestScale();
        t.Chip.Powered = false;

        var read = t.Scale.ReadAsync().AsTask();
        await Eventually.TrueAsync(() => read.IsCompleted, t.Time, TimeSpan.FromMilliseconds(20));

        var fault = await Assert.ThrowsAsync<DeviceFaultException>(() => read);
        Assert.Contains("read timeout", fault.Message);
    }

    [Fact]
    public async Task ReadAsync_AdcSaturated_ThrowsOverload()
    {
        using var t = new TestScale();
        t.Chip.Steady = 0x7FFFFF; // datasheet: output saturates at 7FFFFFh

        var fault = await Assert.ThrowsAsync<DeviceFaultException>(async () => await t.Scale.ReadAsync());
        Assert.Contains("overload", fault.Message);
    }

    [Fact]
    public async Task ReadAsync_AboveCapacity_ThrowsOverload()
    {
        using var t = new TestScale(new ScaleOptions { CountsPerKilogram = 100_000, CapacityKilograms = 5, WindowSamples = 3, ZeroTrackingGrams = 0 });
        t.Chip.Steady = 600_000; // 6 kg

        var fault = await Assert.ThrowsAsync<DeviceFaultException>(async () => await t.Scale.ReadAsync());
        Assert.Contains("capacity", fault.Message);
    }

    [Fact]
    public async Task ReadAsync_SlowDriftNearZero_IsTrackedOut()
    {
        using var t = new TestScale(new ScaleOptions { CountsPerKilogram = 100_000, WindowSamples = 3, ZeroTrackingGrams = 1 });
        t.Chip.Steady = 5_000;
        await t.Scale.TareAsync(3);

        t.Chip.Steady = 5_080; // +0.8 g of drift, inside the 1 g band
        var drifted = await t.Scale.ReadAsync();
        t.Chip.Steady = 5_080 + 30_000; // then a 300 g item
        var item = await t.Scale.ReadAsync();

        Assert.Equal(Mass.Zero, drifted);
        Assert.Equal(5_080, t.Scale.ZeroCounts);
        Assert.Equal(0.3, item.Kilograms, 6);
    }

    [Fact]
    public async Task Calibrate_NewFactor_ScalesReadings()
    {
        using var t = new TestScale();
        t.Chip.Steady = 0;
        await t.Scale.TareAsync(1);
        t.Chip.Steady = 84_000;

        t.Scale.Calibrate(420_000);

        Assert.Equal(0.2, (await t.Scale.ReadAsync()).Kilograms, 6);
    }

    [Fact]
    public void Dispose_PowersTheHx711Down()
    {
        var t = new TestScale();

        t.Dispose();

        Assert.Equal((6, System.Device.Gpio.PinValue.High), t.Driver.Writes[^1]);
    }
}
