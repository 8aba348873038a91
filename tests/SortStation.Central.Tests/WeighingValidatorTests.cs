using System.Text;
using Microsoft.Extensions.Time.Testing;
using SortStation.Central.Ingest;
using SortStation.Central.Options;
using SortStation.Central.Tests.Support;
using SortStation.Contracts;

namespace SortStation.Central.Tests;

public sealed class WeighingValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private readonly WeighingValidator _validator = new(new FakeTimeProvider(Now), new CentralOptions(), "sortstation", new MemoryStationStore());

    private ValidationResult Check(WeighingRecord record, string? topic = null) =>
        _validator.Validate(topic ?? TestRecords.Topic(record.StationId), TestRecords.Json(record));

    private static WeighingRecord Valid => TestRecords.Create(1, timestamp: Now.AddHours(-1));

    [Fact]
    public void Validate_ValidRecord_Accepted() => Assert.True(Check(Valid).IsValid);

    [Fact]
    public void Validate_NullWeight_Accepted() => Assert.True(Check(Valid with { WeightKg = null, Value = null }).IsValid);

    [Fact]
    public void Validate_PayloadOver16KB_Rejected()
    {
        var result = _validator.Validate(TestRecords.Topic(), new byte[(16 * 1024) + 1]);
        Assert.Contains("exceeds", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BrokenJson_Rejected()
    {
        var result = _validator.Validate(TestRecords.Topic(), Encoding.UTF8.GetBytes("{\"itemId\":"));
        Assert.Contains("not a weighing JSON", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MissingRequiredField_Rejected()
    {
        var result = _validator.Validate(TestRecords.Topic(), Encoding.UTF8.GetBytes("{\"schema\":\"sortstation.weighing/1\"}"));
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Validate_UnknownSchema_Rejected() =>
        Assert.Contains("unknown schema", Check(Valid with { Schema = "sortstation.weighing/2" }).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FA")] // 25 characters
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAVX")] // 27 characters
    [InlineData("01ARZ3NDEKTSV4RRFFQ69G5FAU")] // U is not Crockford base32
    [InlineData("81ARZ3NDEKTSV4RRFFQ69G5FAV")] // above 128 bits
    public void Validate_ItemIdNotUlid_Rejected(string itemId) =>
        Assert.Contains("ULID", Check(Valid with { ItemId = itemId }).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_StationIdWithSlash_Rejected() =>
        Assert.Contains("stationId", Check(Valid with { StationId = "a/b" }, TestRecords.Topic("x")).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_StationIdNotTopicStation_Rejected() =>
        Assert.Contains("does not match topic", Check(Valid, TestRecords.Topic("station-02")).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_EmptyLabel_Rejected() =>
        Assert.Contains("label", Check(Valid with { Label = " " }).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_LabelOver64Characters_Rejected() =>
        Assert.Contains("label", Check(Valid with { Label = new string('a', 65) }).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    public void Validate_ConfidenceOutside0To1_Rejected(double confidence) =>
        Assert.Contains("confidence", Check(Valid with { Confidence = confidence }).Error, StringComparison.Ordinal);

    [Theory]
    [InlineData(-0.001)]
    [InlineData(1000.001)]
    public void Validate_WeightOutside0To1000_Rejected(double weight) =>
        Assert.Contains("weightKg", Check(Valid with { WeightKg = weight }).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_NegativeUnitPrice_Rejected() =>
        Assert.Contains("unitPrice", Check(Valid with { UnitPrice = -1 }).Error, StringComparison.Ordinal);


    [Fact]
    public void Validate_TooManyTopLabels_Rejected() =>
        Assert.Contains("top", Check(Valid with { Top = [.. Enumerable.Range(0, 21).Select(i => new LabelScore($"l{i}", 0.01))] }).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_ModelOver128Characters_Rejected() =>
        Assert.Contains("model", Check(Valid with { Model = new string('m', 129) }).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_CurrencyOver8Characters_Rejected() =>
        Assert.Contains("currency", Check(Valid with { Currency = "RUPIAHRUPIAH" }).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_CurrencyNotIsoCode_Rejected() =>
        Assert.Equal(RejectReason.Currency, Check(Valid with { Currency = "idr" }).Reason);

    [Fact]
    public void Validate_UnitPriceAboveNumericRange_Rejected() =>
        Assert.Contains("unitPrice", Check(Valid with { UnitPrice = 1e15m }).Error, StringComparison.Ordinal);

    [Fact]
    public void Validate_NulInLabel_Rejected() =>
        Assert.Equal(RejectReason.ControlCharacters, Check(Valid with { Label = "pla\0stic" }).Reason);
}
