using System.Text;
using System.Text.Json;

namespace SortStation.Contracts.Tests;

/// <summary>The weighing's JSON as stations publish it and central stores it.</summary>
public sealed class ContractJsonTests
{
    private static readonly WeighingRecord Record = new()
    {
        ItemId = "st01-000042",
        StationId = "station-01",
        Timestamp = new DateTimeOffset(2026, 11, 25, 8, 30, 0, TimeSpan.FromHours(7)),
        Label = "glass",
        Confidence = 0.91,
        Top = [new LabelScore("glass", 0.91), new LabelScore("plastic", 0.05)],
        WeightKg = null,
        UnitPrice = 500m,
        Value = null,
        Currency = "IDR",
        Bin = "glass",
        Reason = "routed",
        Model = "mobilenetv2-trashnet@1.0.0",
    };

    [Fact]
    public void Serialize_Record_CamelCaseKeysSchemaAndNullsWritten()
    {
        using var json = JsonDocument.Parse(ContractJson.Serialize(Record));
        var root = json.RootElement;

        Assert.Equal(WeighingSchema.Current, root.GetProperty("schema").GetString());
        Assert.Equal("st01-000042", root.GetProperty("itemId").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("weightKg").ValueKind);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("value").ValueKind);
        Assert.Equal("plastic", root.GetProperty("top")[1].GetProperty("label").GetString());
        Assert.DoesNotContain(root.EnumerateObject(), p => char.IsUpper(p.Name[0]));
    }

    [Fact]
    public void DeserializeWeighing_SerializedRecord_SameFieldsAndSameBytes()
    {
        var bytes = ContractJson.Serialize(Record);

        var back = ContractJson.DeserializeWeighing(bytes);

        Assert.NotNull(back);
        Assert.Equal(Record.Timestamp, back.Timestamp);
        Assert.Equal(Record.UnitPrice, back.UnitPrice);
        Assert.Null(back.WeightKg);
        Assert.Equal(Record.Top, back.Top);
        Assert.Equal(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetString(ContractJson.Serialize(back)));
    }

    [Fact]
    public void DeserializeWeighing_MissingRequiredField_Throws()
    {
        var json = """{"itemId":"x","stationId":"s","timestamp":"2026-11-25T08:30:00+07:00","label":"glass","confidence":0.9,"top":[],"bin":"glass","reason":"routed"}"""u8.ToArray();

        Assert.Throws<JsonException>(() => ContractJson.DeserializeWeighing(json));
    }
}
