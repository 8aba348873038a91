using Microsoft.Extensions.Time.Testing;
using SortStation.Central.Ingest;
using SortStation.Central.Options;
using SortStation.Central.Tests.Support;
using SortStation.Contracts;

namespace SortStation.Central.Tests;

/// <summary>The rules added for issue 20: time bounds, registration, value consistency, printable trimmed text.</summary>
public sealed class WeighingValidatorDepthTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly MemoryStationStore _stations = new();
    private readonly CentralOptions _options = new();

    private static WeighingRecord Valid => TestRecords.Create(1, timestamp: Now.AddHours(-1));

    [Fact]
    public void Validate_YearOne_RejectedAsTooOld() =>
        Assert.Equal(RejectReason.TimestampTooOld, Check(Valid with { Timestamp = DateTimeOffset.MinValue }).Reason);

    [Fact]
    public void Validate_UnixEpoch_RejectedAsTooOld() =>
        Assert.Equal(RejectReason.TimestampTooOld, Check(Valid with { Timestamp = DateTimeOffset.UnixEpoch }).Reason);

    [Fact]
    public void Validate_OlderThanMaxRecordAgeDays_Rejected()
    {
        _options.MaxRecordAgeDays = 30;

        Assert.True(Check(Valid with { Timestamp = Now.AddDays(-29) }).IsValid);
        Assert.Equal(RejectReason.TimestampTooOld, Check(Valid with { Timestamp = Now.AddDays(-31) }).Reason);
    }

    [Fact]
    public void Validate_MoreThanAMinuteAhead_RejectedAsFuture()
    {
        Assert.True(Check(Valid with { Timestamp = Now.AddSeconds(59) }).IsValid);
        Assert.Equal(RejectReason.TimestampFuture, Check(Valid with { Timestamp = Now.AddSeconds(61) }).Reason);
    }

    [Fact]
    public async Task Validate_BeforeRegistration_Rejected()
    {
        await _stations.AddAsync("station-01", Now.AddHours(-2), null, default);

        Assert.True(Check(Valid with { Timestamp = Now.AddHours(-1) }).IsValid);
        Assert.Equal(RejectReason.TimestampBeforeRegistration, Check(Valid with { Timestamp = Now.AddHours(-3) }).Reason);
    }

    [Fact]
    public void Validate_UnregisteredStationWhenRequired_Rejected()
    {
        _options.RequireRegisteredStations = true;

        Assert.Equal(RejectReason.UnregisteredStation, Check(Valid).Reason);
    }

    [Fact]
    public void Validate_UnregisteredStationWhenNotRequired_Accepted() => Assert.True(Check(Valid).IsValid);

    [Fact]
    public async Task Validate_RevokedStationWhenRequired_Rejected()
    {
        _options.RequireRegisteredStations = true;
        await _stations.AddAsync("station-01", Now.AddDays(-2), null, default);
        Assert.True(Check(Valid).IsValid);

        await _stations.RevokeAsync("station-01", Now.AddMinutes(-1), default);

        Assert.Equal(RejectReason.RevokedStation, Check(Valid).Reason);
    }

    [Fact]
    public void Validate_ValueFarFromWeightTimesPrice_Rejected() =>
        Assert.Equal(RejectReason.ValueMismatch, Check(Valid with { WeightKg = 0.001, UnitPrice = 1, Value = 999_999_999_999m }).Reason);

    [Theory]
    [InlineData(0.0511, 2000, 102)] // IDR, 0 decimals: 102.2 rounds to 102
    [InlineData(0.0025, 1000, 3)] // 2.5 rounds away from zero
    [InlineData(1.2345, 3.99, 4.93)] // EUR, 2 decimals: 4.925655
    [InlineData(0.1234, 15000, 1852)] // 0.12344 kg priced before rounding to 0.1 g: 1851.6 -> 1852 (1851.0 from the fields)
    public void Validate_ValueWithinTheCurrencysRounding_Accepted(double kg, double price, double value) =>
        Assert.True(Check(Valid with { WeightKg = kg, UnitPrice = (decimal)price, Value = (decimal)value }).IsValid);

    [Theory]
    [InlineData(0.0511, 2000, 103)]
    [InlineData(1.2345, 3.99, 4.95)]
    public void Validate_ValueOffByMoreThanRounding_Rejected(double kg, double price, double value) =>
        Assert.Equal(RejectReason.ValueMismatch, Check(Valid with { WeightKg = kg, UnitPrice = (decimal)price, Value = (decimal)value }).Reason);

    [Fact]
    public void Validate_ValueWithoutWeight_Rejected() =>
        Assert.Equal(RejectReason.ValueMismatch, Check(Valid with { WeightKg = null, Value = 5 }).Reason);

    [Fact]
    public void Validate_WeightAndPriceWithoutValue_Rejected() =>
        Assert.Equal(RejectReason.ValueMismatch, Check(Valid with { Value = null }).Reason);

    [Theory]
    [InlineData("plastic\u001b[2J")] // ESC: clears a terminal
    [InlineData("plastic\r\n[12:00:00 INF] fake log line")]
    [InlineData("\u202Ecitsalp")] // right-to-left override
    [InlineData("plas\u0085tic")] // NEL
    public void Validate_UnprintableLabel_Rejected(string label) =>
        Assert.Equal(RejectReason.ControlCharacters, Check(Valid with { Label = label }).Reason);

    [Fact]
    public void Validate_EscInTopLabel_Rejected() =>
        Assert.Equal(RejectReason.ControlCharacters, Check(Valid with { Top = [new LabelScore("gl\u001bass", 0.5)] }).Reason);

    [Fact]
    public void Validate_TopLabel5000Characters_Rejected() =>
        Assert.Equal(RejectReason.Top, Check(Valid with { Top = [new LabelScore(new string('x', 5000), 0.5)] }).Reason);

    [Fact]
    public void Validate_EmptyTopLabel_Rejected() =>
        Assert.Equal(RejectReason.Top, Check(Valid with { Top = [new LabelScore("  ", 0.5)] }).Reason);

    [Theory]
    [InlineData("bin")]
    [InlineData("reason")]
    [InlineData("model")]
    public void Validate_UnprintableOtherText_Rejected(string field)
    {
        var record = field switch
        {
            "bin" => Valid with { Bin = "plastic\n" + "x" },
            "reason" => Valid with { Reason = "routed\u0007" },
            _ => Valid with { Model = "m@1\u001b]0;pwned\u0007" },
        };

        Assert.Equal(RejectReason.ControlCharacters, Check(record).Reason);
    }

    [Fact]
    public void Validate_PaddedText_AcceptedTrimmed()
    {
        var result = Check(Valid with { Label = "  glass ", Bin = " glass", Reason = "routed ", Model = " m@1 ", Top = [new LabelScore(" glass ", 0.9)] });

        Assert.True(result.IsValid);
        Assert.Equal(("glass", "glass", "routed", "m@1", "glass"), (result.Record!.Label, result.Record.Bin, result.Record.Reason, result.Record.Model, result.Record.Top[0].Label));
    }

    [Fact]
    public void Validate_LabelTooLongAfterTrimming_Rejected() =>
        Assert.Equal(RejectReason.Label, Check(Valid with { Label = new string('a', 65) }).Reason);

    [Fact]
    public void Validate_TopicOfAnotherPrefix_RejectedAsTopicMismatch() =>
        Assert.Equal(RejectReason.TopicMismatch, Check(Valid, "other/station-01/weighing").Reason);

    [Fact]
    public void Validate_PrefixWithSlash_Accepted()
    {
        var validator = new WeighingValidator(new FakeTimeProvider(Now), _options, "plant/a", _stations);

        Assert.True(validator.Validate("plant/a/station-01/weighing", TestRecords.Json(Valid)).IsValid);
    }

    private ValidationResult Check(WeighingRecord record, string? topic = null) =>
        new WeighingValidator(new FakeTimeProvider(Now), _options, "sortstation", _stations).Validate(topic ?? TestRecords.Topic(record.StationId), TestRecords.Json(record));
}
